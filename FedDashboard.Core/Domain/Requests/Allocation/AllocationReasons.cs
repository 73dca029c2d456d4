using System.Globalization;

namespace FedDashboard.Core.Domain.Requests.Allocation;

/// <summary>A request's quotas with the reasons behind them, in words an operator reads on the request's page.</summary>
internal static class AllocationReasons
{
    public static AllocationDecision Explain(AllocationClaim claim, IReadOnlyList<AllocationClaim> claims, IReadOnlyList<EdgeResources> edges, int[] quotas)
    {
        var total = quotas.Sum();
        var quotaRows = edges.Select((edge, e) => new EdgeQuota(edge.EdgeId, edge.Name, quotas[e], ForEdge(edge, quotas[e], total, claim.Wanted))).ToList();
        var tooFew = total < claim.Wanted;
        return new(claim.RequestId, quotaRows, [.. Overall(claim, claims, edges, total, tooFew)], tooFew);
    }

    private static string ForEdge(EdgeResources edge, int quota, int total, int wanted)
    {
        if (edge.InCoverage == 0) return "no terminal in coverage — not used";
        if (edge.Available == 0)
            return edge.TrainingForOthers == edge.InCoverage
                ? Invariant($"all {edge.InCoverage} terminals in coverage train for other jobs — not used")
                : Invariant($"{edge.InCoverage} terminals in coverage, {edge.TrainingForOthers} training for other jobs, {edge.Declining} too loaded or low on battery to train — not used");
        var state = Invariant($"{edge.Available} of {edge.InCoverage} terminals in coverage available") + Busy(edge) + Invariant($", mean CPU load {edge.MeanCpuLoad ?? 0:0.00}");
        if (quota > 0) return $"{state} — given {quota} per round";
        return total >= wanted
            ? $"{state} — none given: its {wanted} per round are on other edges"
            : $"{state} — none given: the other open requests hold them";
    }

    private static string Busy(EdgeResources edge) =>
        (edge.TrainingForOthers > 0 ? Invariant($", {edge.TrainingForOthers} training for other jobs") : "")
        + (edge.Declining > 0 ? Invariant($", {edge.Declining} too loaded or low on battery") : "");

    private static IEnumerable<string> Overall(AllocationClaim claim, IReadOnlyList<AllocationClaim> claims, IReadOnlyList<EdgeResources> edges, int total, bool tooFew)
    {
        var available = edges.Sum(e => e.Available);
        var others = claims.Count - 1;
        yield return others == 0
            ? Invariant($"The only open request: {available} terminals of the fleet are available to it.")
            : Invariant($"Priority {claim.Priority} (weight {claim.Priority.Weight()} of {claims.Sum(c => c.Priority.Weight())}) beside {others} other open request{(others == 1 ? "" : "s")}: they share {available} available terminals in proportion to their weights.");
        if (claim.EdgeLimits is { } limits)
            yield return Invariant($"Only its terminal group's terminals count: {limits.Values.Sum()} of the available ones are in it.");
        yield return Invariant($"Its settings select {claim.Wanted} terminal{(claim.Wanted == 1 ? "" : "s")} per round; given {total}.");
        if (total == 0) yield return "No terminal for it now: no round starts until one is free (decided again at each try).";
        if (tooFew) yield return Invariant($"Too few terminals: {total} of the {claim.Wanted} per round its settings select — the central server may train on its own data.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
