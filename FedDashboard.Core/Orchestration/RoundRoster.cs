using FedDashboard.Core.Learning;
using FedDashboard.Core.Strategies;

namespace FedDashboard.Core.Orchestration;

/// <summary>Turns the edges' selections into a round's participants: model, width, group, segment and data of each.</summary>
internal static class RoundRoster
{
    /// <param name="edgeModels">The model each edge starts its terminals from, by edge id.</param>
    /// <param name="donors">Each edge's donors when the job shares data; null when it does not.</param>
    /// <returns>The data each new participant is granted from other terminals; empty when nothing is shared.</returns>
    public static IReadOnlyList<(RoundParticipant Participant, IReadOnlyList<Grant> Grants)> Fill(
        Round round,
        IReadOnlyList<EdgeSelection> selections,
        TrainingSettings settings,
        IReadOnlyDictionary<int, string> edgeModels,
        IReadOnlyDictionary<int, SharedDataDonors>? donors,
        DateTimeOffset now)
    {
        var segments = ModelSegments.Of(settings.Model);
        var granted = new List<(RoundParticipant, IReadOnlyList<Grant>)>();
        var index = 0;
        for (var edgeIndex = 0; edgeIndex < selections.Count; edgeIndex++)
        {
            var (edge, assigned, declined) = selections[edgeIndex];
            var model = edgeModels[edge.Id];
            foreach (var decline in declined)
                round.Participants.Add(RoundParticipant.Declined(decline.Terminal.Id, edge.Id, model, decline.Reason, now));
            foreach (var (terminal, width, group) in assigned)
            {
                var segment = SegmentAssignment.For(settings.Segmentation, segments, round.Number, edgeIndex, index++);
                var participant = new RoundParticipant(terminal.Id, edge.Id, model, ModelVariantName.Of(width, group), now, width, group, segment);
                var grants = donors?[edge.Id].GrantsFor(terminal.Id) ?? [];
                participant.UseData(settings.DataSource, grants.Sum(g => g.Samples));
                round.Participants.Add(participant);
                if (grants.Count > 0) granted.Add((participant, grants));
            }
        }
        return granted;
    }
}
