using FedDashboard.Core.Orchestration.Delivery;

namespace FedDashboard.Api;

/// <summary>What a request's model download is: the version it is, whether it meets the request's condition, and where its files are.</summary>
/// <param name="MeetsCondition">False for a failed request's best model so far.</param>
public sealed record RequestModelBody(int RequestId, string Status, bool MeetsCondition, string Version, int JobId, double? TestAccuracy, double? TestLoss,
    string Onnx, string Safetensors)
{
    public static RequestModelBody Of(RequestModel model) => new(model.Request.Id, model.Request.Status.ToString(), model.MeetsCondition, model.Version.Label,
        model.Version.JobId, model.Version.TestAccuracy, model.Version.TestLoss,
        ClientApiPaths.Model(model.Request.Id, ClientApiPaths.OnnxFile), ClientApiPaths.Model(model.Request.Id, ClientApiPaths.SafetensorsFile));
}
