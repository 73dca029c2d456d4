using FedDashboard.Protocol;

namespace FedDashboard.Api;

/// <summary>The OpenAPI document of the terminal protocol, served at <see cref="TerminalRoutes.OpenApiDocument"/>; the operator API is not in it.</summary>
public static class TerminalProtocolDocument
{
    public const string Name = "terminal-v1";
    public const string Route = "/openapi/{documentName}.json";

    public static IServiceCollection AddTerminalProtocolDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.GroupName == Name;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FedDashboard terminal protocol";
                document.Info.Version = TerminalRoutes.Version;
                document.Info.Description = "How a terminal enrols with an edge, heartbeats, takes up work, downloads models and uploads results. "
                    + "Every call but enrolment carries `Authorization: Bearer <credential>`. A refusal is a problem document whose `code` is stable. "
                    + "See docs/terminal-protocol.md.";
                BearerSecurity.Require(document, "The terminal's credential, received at enrolment.");
                return Task.CompletedTask;
            });
            // Enrolment is how a terminal gets its credential: it proves an enrolment code in its body instead.
            options.AddOperationTransformer((operation, context, _) =>
            {
                if ("/" + context.Description.RelativePath == TerminalRoutes.Enrol) operation.Security = [];
                return Task.CompletedTask;
            });
        });
}
