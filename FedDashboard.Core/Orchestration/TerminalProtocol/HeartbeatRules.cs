using FedDashboard.Core.Domain.Topology;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>What a heartbeat must hold; each problem names its field.</summary>
internal static class HeartbeatRules
{
    /// <returns>Every problem in one message, or null when the heartbeat is valid.</returns>
    public static string? Problems(HeartbeatRequest request, double mapSize, DateTimeOffset now)
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("x", request.X), ("y", request.Y) })
            if (!(value >= 0 && value <= mapSize)) problems.Add($"{name} must be a finite coordinate on the map, from 0 to {mapSize} (was {value})");
        foreach (var (name, value) in new[] { ("cpuLoad", request.CpuLoad), ("battery", request.Battery) })
            if (!(value is >= 0 and <= 1)) problems.Add($"{name} must be a fraction from 0 to 1 (was {value})");
        if (request.FreeMemoryMb < 0) problems.Add($"freeMemoryMb must be 0 or more (was {request.FreeMemoryMb})");
        if (string.IsNullOrWhiteSpace(request.App) || request.App.Length > Terminal.MaxAppLength)
            problems.Add($"app must be 1 to {Terminal.MaxAppLength} characters");
        if (request.DataSamples is < 0 or > EnrolRequestRules.MaxDataSamples)
            problems.Add($"dataSamples must be from 0 to {EnrolRequestRules.MaxDataSamples} (was {request.DataSamples})");
        if (request.DataUpdatedAt > now + EnrolRequestRules.ClockSkew)
            problems.Add($"dataUpdatedAt lies in the future ({request.DataUpdatedAt:u})");
        if (string.IsNullOrWhiteSpace(request.AgentVersion) || request.AgentVersion.Length > Terminal.MaxAgentVersionLength)
            problems.Add($"agentVersion must be 1 to {Terminal.MaxAgentVersionLength} characters");
        return problems.Count == 0 ? null : $"The heartbeat is invalid: {string.Join("; ", problems)}.";
    }
}
