using FedDashboard.Core.Orchestration.Clients;

namespace FedDashboard.Security;

/// <summary>A refused client API call as a problem document carrying its stable code (<see cref="ClientKeyErrors"/>), like the terminal protocol's.</summary>
internal static class ClientKeyProblems
{
    public static Task WriteAsync(HttpContext http, int status, string code, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: code, extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(http);
}
