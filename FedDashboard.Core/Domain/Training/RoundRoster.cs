using FedDashboard.Core.Domain.Strategies;
using FedDashboard.Core.Domain.Topology;


namespace FedDashboard.Core.Domain.Training;

/// <summary>Turns the edges' configured selections into a round's participants, each starting from its edge's model.</summary>
internal static class RoundRoster
{
    /// <param name="edgeModels">The model each edge starts its terminals from, by edge id.</param>
    /// <returns>The data each new participant is granted from other terminals; empty when nothing is shared.</returns>
    public static IReadOnlyList<(RoundParticipant Participant, IReadOnlyList<Grant> Grants)> Fill(
        Round round, IReadOnlyList<EdgeSelection> selections, DataSource dataSource, IReadOnlyDictionary<int, string> edgeModels, DateTimeOffset now)
    {
        var granted = new List<(RoundParticipant, IReadOnlyList<Grant>)>();
        foreach (var (edge, assigned, declined) in selections)
        {
            var model = edgeModels[edge.Id];
            foreach (var decline in declined)
                round.Participants.Add(RoundParticipant.Declined(decline.Terminal.Id, edge.Id, model, decline.Reason, now));
            foreach (var assignment in assigned)
            {
                var participant = new RoundParticipant(
                    assignment.Terminal.Id, edge.Id, model, assignment.ModelVariant, now, assignment.Width, assignment.Group, assignment.Segment);
                participant.UseData(dataSource, assignment.Grants.Sum(g => g.Samples));
                round.Participants.Add(participant);
                if (assignment.Grants.Count > 0) granted.Add((participant, assignment.Grants));
            }
        }
        return granted;
    }
}
