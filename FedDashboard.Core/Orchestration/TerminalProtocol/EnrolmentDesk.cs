using FedDashboard.Core.Domain.Topology;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>A terminal enrols with an operator's code and gets its credential; it may replace the credential later.</summary>
public sealed class EnrolmentDesk
{
    /// <param name="origin">Agent over the network; Simulated only for the dashboard's own fleet in process.</param>
    public Task<Enrolled> EnrolAsync(EnrolRequest request, TerminalOrigin origin, CancellationToken ct) => throw new NotImplementedException();

    public Task<Rotated> RotateAsync(string? credential, CancellationToken ct) => throw new NotImplementedException();
}
