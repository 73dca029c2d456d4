using System.Globalization;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>Where the client API serves a request's model, for callbacks to name and the endpoints to map.</summary>
public static class ClientApiPaths
{
    public const string Requests = "/api/v1/training-requests";
    public const string OnnxFile = "model.onnx";
    public const string SafetensorsFile = "model.safetensors";

    public static string Model(int requestId, string file) => $"{Requests}/{requestId.ToString(CultureInfo.InvariantCulture)}/{file}";
}
