using Microsoft.Extensions.Configuration;

namespace FedDashboard.Core.Orchestration.Options;

/// <summary>
/// Where the rounds' spans and step durations go beyond this process: an OpenTelemetry collector over OTLP, off unless an
/// endpoint is set here or in the standard OTEL_EXPORTER_OTLP_ENDPOINT (and OTEL_EXPORTER_OTLP_PROTOCOL).
/// </summary>
public sealed class TelemetryOptions : IValidatedOptions
{
    public static string Section => "Fed:Telemetry";

    private static readonly string[] Protocols = ["grpc", "http/protobuf"];

    /// <summary>The collector's base address, e.g. http://localhost:4317; empty: nothing is exported.</summary>
    public string? OtlpEndpoint { get; set; }

    public string OtlpProtocol { get; set; } = "grpc";

    public bool Exports => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>The section, with the standard OpenTelemetry variables where it sets nothing.</summary>
    public static TelemetryOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new();
        if (!options.Exports && configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard)
        {
            options.OtlpEndpoint = standard;
            options.OtlpProtocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? options.OtlpProtocol;
        }
        return options;
    }

    public IEnumerable<string> Validate()
    {
        if (Exports && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
            yield return $"OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http or https address such as http://localhost:4317 (was '{OtlpEndpoint}').";
        if (!Protocols.Contains(OtlpProtocol))
            yield return $"OtlpProtocol (or OTEL_EXPORTER_OTLP_PROTOCOL) must be {string.Join(" or ", Protocols)} (was '{OtlpProtocol}').";
    }
}
