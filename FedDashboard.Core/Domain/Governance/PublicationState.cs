namespace FedDashboard.Core.Domain.Governance;

/// <summary>Which version a job hands out, as the audit log records it before and after a publication or rollback.</summary>
public sealed record PublicationState(int JobId, string Published)
{
    public static PublicationState Of(ModelVersion published) => new(published.JobId, published.Label);
}
