using FedDashboard.Core.Domain.Topology;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>What an enrolment request must hold; each problem names its field.</summary>
internal static class EnrolRequestRules
{
    public const int NameMaxLength = 80;
    public const int MaxDataSamples = 100_000_000;

    /// <summary>A device's clock may run ahead of the edge's by this much.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <exception cref="TerminalProtocolException">invalid_request naming every problem.</exception>
    public static (TerminalType Type, HardwareTier Tier) Check(EnrolRequest request, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > NameMaxLength || request.Name.Any(char.IsControl))
            problems.Add($"name must be 1 to {NameMaxLength} printable characters");
        if (!Enum.TryParse<TerminalType>(request.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type))
            problems.Add($"type must be one of {string.Join(", ", Enum.GetNames<TerminalType>())} (was '{request.Type}')");
        if (!Enum.TryParse<HardwareTier>(request.Tier, ignoreCase: true, out var tier) || !Enum.IsDefined(tier))
            problems.Add($"tier must be one of {string.Join(", ", Enum.GetNames<HardwareTier>())} (was '{request.Tier}')");
        if (string.IsNullOrWhiteSpace(request.App) || request.App.Length > Terminal.MaxAppLength)
            problems.Add($"app must be 1 to {Terminal.MaxAppLength} characters");
        if (request.DataSamples is < 0 or > MaxDataSamples)
            problems.Add($"dataSamples must be from 0 to {MaxDataSamples} (was {request.DataSamples})");
        if (request.DataUpdatedAt > now + ClockSkew)
            problems.Add($"dataUpdatedAt lies in the future ({request.DataUpdatedAt:u})");
        if (string.IsNullOrWhiteSpace(request.AgentVersion) || request.AgentVersion.Length > Terminal.MaxAgentVersionLength)
            problems.Add($"agentVersion must be 1 to {Terminal.MaxAgentVersionLength} characters");
        if (problems.Count > 0) throw new TerminalProtocolException(ProtocolError.InvalidRequest, $"The enrolment request is invalid: {string.Join("; ", problems)}.");
        return (type, tier);
    }
}
