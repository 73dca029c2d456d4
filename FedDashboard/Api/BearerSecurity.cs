using Microsoft.OpenApi;

namespace FedDashboard.Api;

/// <summary>Declares in an OpenAPI document that its calls carry <c>Authorization: Bearer</c>, so a reference page can send it.</summary>
public static class BearerSecurity
{
    private const string Scheme = "bearer";

    public static void Require(OpenApiDocument document, string whatTheTokenIs)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = Scheme,
            Description = whatTheTokenIs,
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
    }
}
