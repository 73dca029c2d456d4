using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Orchestration.Requests;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>
/// The callback a client gets when its request ends: what ended it, and the model it can download — on failure the
/// best so far, with <c>meetsCondition</c> false. See docs/callbacks.md.
/// </summary>
public static class RequestEndedBody
{
    public const string MetEvent = "request.met";
    public const string FailedEvent = "request.failed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string EventOf(TrainingRequest request) => request.Status == TrainingRequestStatus.Met ? MetEvent : FailedEvent;

    /// <param name="version">The delivered version, or null when none was promoted.</param>
    /// <param name="publicBase">The app's public address, which download links start with; null for links relative to the API's host.</param>
    public static string Of(TrainingRequest request, ModelVersion? version, RequestProgress progress, Uri? publicBase) => JsonSerializer.Serialize(new
    {
        type = EventOf(request),
        timestamp = request.EndedAt,
        data = new
        {
            requestId = request.Id,
            name = request.Name,
            status = request.Status,
            endCondition = request.EndCondition,
            reason = request.EndReason,
            condition = new { targetAccuracy = request.Condition.TargetAccuracy, maxTestLoss = request.Condition.MaxTestLoss },
            bestAccuracy = progress.BestAccuracy,
            meetsCondition = request.Status == TrainingRequestStatus.Met,
            rounds = progress.Round,
            version = version is null ? null : new { label = version.Label, jobId = version.JobId, testAccuracy = version.TestAccuracy, testLoss = version.TestLoss },
            downloads = version is null ? null : new
            {
                onnx = Link(publicBase, ClientApiPaths.Model(request.Id, ClientApiPaths.OnnxFile)),
                safetensors = Link(publicBase, ClientApiPaths.Model(request.Id, ClientApiPaths.SafetensorsFile)),
            },
        },
    }, Json);

    private static string Link(Uri? publicBase, string path) => publicBase is null ? path : new Uri(publicBase, path).ToString();
}
