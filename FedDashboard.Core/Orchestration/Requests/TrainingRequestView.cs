using FedDashboard.Core.Domain.Requests;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>A request as its client reads it: the request and its job's progress.</summary>
public sealed record TrainingRequestView(TrainingRequest Request, RequestProgress Progress);
