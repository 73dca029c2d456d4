namespace FedDashboard.Core.Domain.Strategies.Filtering;

/// <summary>One bound of an edge's evaluation policy. Stateless: one instance judges any number of terminals or results.</summary>
public interface ICriterion<in TEvidence>
{
    /// <returns>Null when the evidence meets the bound; otherwise why not, naming the value and the bound.</returns>
    string? Rejects(TEvidence evidence);
}
