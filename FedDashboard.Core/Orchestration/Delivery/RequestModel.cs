using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>The model an ended request delivers: the version that met its condition, or (failed) the best one so far.</summary>
public sealed record RequestModel(TrainingRequest Request, ModelVersion Version)
{
    public bool MeetsCondition => Request.Status == TrainingRequestStatus.Met;

    /// <summary>The file name a download suggests, e.g. "request-7-v3.onnx".</summary>
    public string FileName(string extension) => $"request-{Request.Id}-{Version.Label}.{extension}";

    /// <summary>What both files carry in their metadata, so a file says where it came from.</summary>
    public IReadOnlyDictionary<string, string> Metadata => new Dictionary<string, string>
    {
        ["request"] = Request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["job"] = Version.JobId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["version"] = Version.Label,
        ["meets_condition"] = MeetsCondition ? "true" : "false",
    };
}
