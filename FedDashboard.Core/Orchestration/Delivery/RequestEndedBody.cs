using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>
/// The callback a client gets when its request ends: what ended it, and the model it can download — on failure the
/// best so far, with <c>meetsCondition</c> false. Download paths are relative to the API's host. See docs/callbacks.md.
/// </summary>
public static class RequestEndedBody
{
    public const string MetEvent = "training_request.met";
    public const string FailedEvent = "training_request.failed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string EventOf(TrainingRequest request) => request.Status == TrainingRequestStatus.Met ? MetEvent : FailedEvent;

    /// <param name="version">The delivered version, or null when none was promoted.</param>
    public static string Of(TrainingRequest request, ModelVersion? version, double? bestAccuracy) => JsonSerializer.Serialize(new
    {
        type = EventOf(request),
        requestId = request.Id,
        name = request.Name,
        status = request.Status,
        endCondition = request.EndCondition,
        reason = request.EndReason,
        endedAt = request.EndedAt,
        meetsCondition = request.Status == TrainingRequestStatus.Met,
        targetAccuracy = request.Condition.TargetAccuracy,
        bestAccuracy,
        version = version is null ? null : new { label = version.Label, jobId = version.JobId, testAccuracy = version.TestAccuracy, testLoss = version.TestLoss },
        downloads = version is null ? null : new
        {
            onnx = ClientApiPaths.Model(request.Id, ClientApiPaths.OnnxFile),
            safetensors = ClientApiPaths.Model(request.Id, ClientApiPaths.SafetensorsFile),
        },
    }, Json);
}
