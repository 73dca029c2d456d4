using FedDashboard.Core.Domain.Governance;
using FedDashboard.Core.Domain.Requests;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>A request as the dashboard lists it: the client's view of it, whose it is, and what its job has spent.</summary>
/// <param name="Spent">The job's counted rewards so far, in <paramref name="Currency"/>.</param>
public sealed record RequestBoardRow(TrainingRequestView View, string ClientName, string Currency, decimal Spent)
{
    public TrainingRequest Request => View.Request;

    public RequestProgress Progress => View.Progress;

    public int RoundsUsed => Progress.Round ?? 0;

    /// <summary>Spent of the maximum spend, as a fraction; above 1 when the last rounds overran it.</summary>
    public double SpendFraction => (double)(Spent / Request.Budget.MaxSpend);

    public double RoundsFraction => (double)RoundsUsed / Request.Budget.MaxRounds;

    /// <summary>Until the deadline; null once the request has ended, zero when the deadline has passed.</summary>
    public TimeSpan? UntilDeadline(DateTimeOffset now) =>
        Request.IsOpen ? (Request.Deadline > now ? Request.Deadline - now : TimeSpan.Zero) : null;
}

/// <summary>Which requests the board lists: null for any.</summary>
public sealed record RequestBoardFilter(TrainingRequestStatus? Status = null, int? ClientId = null);

/// <summary>A promoted version of a request's job with its test accuracy, for the chart against the target.</summary>
public sealed record RequestVersionPoint(int VersionId, int Number, int? Round, double Accuracy, ModelVersionStatus Status);

/// <summary>A request with its job's evaluated versions, oldest first.</summary>
public sealed record RequestDetail(RequestBoardRow Row, IReadOnlyList<RequestVersionPoint> Versions);
