using FedDashboard.Core.Orchestration.Options;
using FedDashboard.Core.Orchestration.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FedDashboard.Core.Hosting;

/// <summary>
/// Times the rounds' steps (<see cref="RoundSteps"/>), keeps their totals per round, and, when an OTLP endpoint is
/// configured (<see cref="TelemetryOptions"/>), exports the spans and the duration histogram through OpenTelemetry.
/// </summary>
internal static class TelemetryRegistration
{
    public static IServiceCollection AddRoundTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<StepTimeWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<StepTimeWriter>());
        services.AddSingleton<RoundSteps>();

        var telemetry = TelemetryOptions.From(configuration);
        services.AddOptions<TelemetryOptions>().Configure(o => (o.OtlpEndpoint, o.OtlpProtocol) = (telemetry.OtlpEndpoint, telemetry.OtlpProtocol)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, SectionValidator<TelemetryOptions>>();
        // A bad endpoint registers no exporter: the validation above stops the start with its message.
        if (!telemetry.Exports || telemetry.Validate().Any()) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("FedDashboard"))
            .WithTracing(tracing => tracing.AddSource(RoundTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(RoundTelemetry.Name))
            .UseOtlpExporter(telemetry.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, new Uri(telemetry.OtlpEndpoint!));
        return services;
    }
}
