using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;


namespace FedDashboard.Core.Learning.Aggregation;

/// <summary>
/// Krum and Multi-Krum (Blanchard et al. 2017): each result scores the sum of squared distances from its update to its
/// n − f − 2 nearest others' updates; the <c>selected</c> results with the lowest scores are averaged by samples as
/// <see cref="FedAvg"/> does (one selected: Krum itself). Updates are compared in the global shape, a result's update
/// being zero outside the part it trained (<see cref="TierCoverage"/>), so a narrow result counts as having left the
/// rest of the model where it was.
/// Tolerating f attackers needs n > 2f + 2 results. A round with fewer (a small edge, a quiet round) tolerates what it
/// can, the largest f' &lt; f with n > 2f' + 2, and at least one neighbour is compared; with one or two results nothing
/// tells an attacker apart, so all of them are kept. Holds every result's update at once: n × the global model's size.
/// </summary>
public sealed class Krum : IModelAggregation
{
    private readonly int _byzantine;
    private readonly int _selected;

    /// <param name="byzantine">f, the attackers to tolerate.</param>
    /// <param name="selected">m, how many of the best-scored results are averaged; 1 is Krum.</param>
    public Krum(int byzantine, int selected = 1)
    {
        if (byzantine < 0) throw new ArgumentOutOfRangeException(nameof(byzantine), byzantine, "The number of attackers to tolerate is 0 or more.");
        if (selected < 1) throw new ArgumentOutOfRangeException(nameof(selected), selected, "Krum selects at least one result.");
        (_byzantine, _selected) = (byzantine, selected);
    }

    /// <summary>The f a round of <paramref name="results"/> results tolerates: f itself when n > 2f + 2, else the largest that fits (0 at least).</summary>
    public int ToleratedAmong(int results) => Math.Clamp((results - 3) / 2, 0, _byzantine);

    public ParameterSet Aggregate(ParameterSet start, ModelSpec globalSpec, IReadOnlyCollection<TierResult> results)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new InvalidOperationException("No results were given, so there is nothing to aggregate.");

        var list = results.ToList();
        var chosen = Select(list.Select(result => Update(start, globalSpec, result)).ToList());
        var average = new TieredAverage(start);
        foreach (var index in chosen)
        {
            var result = list[index];
            average.Add(result.Read(), result.Spec, globalSpec, result.Weight, result.Segments);
        }
        return average.Result();
    }

    /// <summary>The indices of the results averaged, best score first.</summary>
    internal IReadOnlyList<int> Select(IReadOnlyList<float[]> updates)
    {
        var n = updates.Count;
        if (n <= 2) return [.. Enumerable.Range(0, n)];
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++)
            distances[i, j] = distances[j, i] = SquaredDistance(updates[i], updates[j]);

        var neighbours = Math.Max(1, n - ToleratedAmong(n) - 2);
        var scores = Enumerable.Range(0, n)
            .Select(i => Enumerable.Range(0, n).Where(j => j != i).Select(j => distances[i, j]).Order().Take(neighbours).Sum())
            .ToArray();
        // Ties go to the lower index, so a round is decided the same way every time.
        return [.. Enumerable.Range(0, n).OrderBy(i => scores[i]).ThenBy(i => i).Take(Math.Min(_selected, n))];
    }

    /// <summary>The result's update in the global shape, all arrays end to end; zero where it trained nothing.</summary>
    private static float[] Update(ParameterSet start, ModelSpec globalSpec, TierResult result)
    {
        var values = result.Read();
        TierCoverage.Require(start, values, result.Spec, globalSpec, result.Weight, result.Segments);
        var offsets = new long[start.Arrays.Count];
        for (var i = 1; i < offsets.Length; i++) offsets[i] = offsets[i - 1] + start.Arrays[i - 1].Values.Length;
        var update = new float[start.ElementCount];
        foreach (var (array, inner, outer, length) in TierCoverage.Rows(start, values, result.Segments))
        {
            var (trained, origin) = (values.Arrays[array].Values, start.Arrays[array].Values);
            for (var j = 0; j < length; j++) update[offsets[array] + outer + j] = trained[inner + j] - origin[outer + j];
        }
        return update;
    }

    private static double SquaredDistance(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var difference = (double)a[i] - b[i];
            sum += difference * difference;
        }
        return sum;
    }
}
