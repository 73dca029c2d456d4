namespace FedDashboard.Api;

/// <summary>
/// The browsable reference of the client API and the terminal protocol, for signed-in users: swagger-ui as the
/// Swashbuckle assembly embeds it, served by the app itself (no CDN), reading the OpenAPI documents the app generates.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api-reference";

    /// <summary>Where the page itself is; <see cref="Path"/> redirects there.</summary>
    public const string Page = Path + "/index.html";

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapSwaggerUI(Path.TrimStart('/'), options =>
        {
            options.DocumentTitle = "API reference · FedDashboard";
            options.SwaggerEndpoint($"/openapi/{ClientApiDocument.Name}.json", "Client API v1");
            options.SwaggerEndpoint($"/openapi/{TerminalProtocolDocument.Name}.json", "Terminal protocol v1");
        }).RequireAuthorization();
}
