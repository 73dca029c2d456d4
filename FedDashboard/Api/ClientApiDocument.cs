namespace FedDashboard.Api;

/// <summary>The OpenAPI document of the client API, served at /openapi/client-v1.json beside the terminal protocol's.</summary>
public static class ClientApiDocument
{
    public const string Name = "client-v1";

    public static IServiceCollection AddClientApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.GroupName == Name;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FedDashboard client API";
                document.Info.Version = "v1";
                document.Info.Description = "How a client application orders a model: submit a training request, read its status, list its requests, cancel one, "
                    + "and download the model once the request ends (ONNX or safetensors; a failed request's best model so far is marked "
                    + "`Fed-Meets-Condition: false`). A request with a callback URL is told of its end by a signed POST (see docs/callbacks.md). "
                    + "Every call carries `Authorization: Bearer <API key>`; each endpoint needs the key's scope for it (SubmitRequests, ReadRequests, DownloadModels). "
                    + "A submission carries an `Idempotency-Key` header: the same key with the same body answers the request it made. "
                    + "A refusal is a problem document; another client's request is answered 404, like one that does not exist. See docs/api.md.";
                BearerSecurity.Require(document, "The client's API key (fck_…), issued by an administrator on the Clients page.");
                return Task.CompletedTask;
            });
        });
}
