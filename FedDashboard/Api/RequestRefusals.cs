using FedDashboard.Core.Orchestration.Governance.Audit;


namespace FedDashboard.Api;

/// <summary>Records a refused HTTP request in the audit log (rate-limited per client by <see cref="RefusalLog"/>).</summary>
public sealed class RequestRefusals(RefusalLog log)
{
    public Task RecordAsync(HttpContext http, int status, string reason)
    {
        var user = http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "an unknown address";
        return log.RecordAsync(user ?? "anonymous", user ?? address, $"{http.Request.Method} {http.Request.Path}",
            $"{status}: {reason} (from {address})", CancellationToken.None);
    }
}
