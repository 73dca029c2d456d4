using FedDashboard.Core.Domain.Training;


namespace FedDashboard.Core.Domain.Strategies;

/// <summary>
/// The donors of one edge's coverage under a job's sharing rules, fewest-used first. A grant counts as a use at
/// once, so the uses limit also holds within a round. Not thread-safe: one round start feeds it.
/// </summary>
public sealed class SharedDataDonors
{
    /// <summary>A donor gives at most this fraction of a participant's limit, so the shared data mixes several terminals.</summary>
    public const int DonorsPerParticipant = 4;

    private readonly PriorityQueue<Donor, (int Uses, int TerminalId)> _queue = new();
    private readonly int _maxUses;
    private readonly int _maxSamples;
    private readonly int _slice;

    /// <param name="usesSoFar">Grants per donor terminal earlier in the job; a donor not listed has none.</param>
    public SharedDataDonors(IEnumerable<Donor> coverage, IReadOnlyDictionary<int, int> usesSoFar, TrainingSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(usesSoFar);
        ArgumentNullException.ThrowIfNull(settings);
        _maxUses = settings.ShareMaxUses;
        _maxSamples = settings.ShareMaxSamples;
        _slice = (_maxSamples + DonorsPerParticipant - 1) / DonorsPerParticipant;
        foreach (var donor in coverage.Where(d => MeetsRules(d, settings, now)))
        {
            var uses = usesSoFar.GetValueOrDefault(donor.TerminalId);
            if (uses < _maxUses) _queue.Enqueue(donor, (uses, donor.TerminalId));
        }
    }

    private static bool MeetsRules(Donor donor, TrainingSettings settings, DateTimeOffset now) =>
        donor.Samples > 0
        && (donor.Anonymized || !settings.ShareRequireAnonymized)
        && now - donor.UpdatedAt <= TimeSpan.FromHours(settings.ShareMaxAgeHours);

    /// <summary>Shares data with one participant: at most the job's limit in total, never the recipient's own data.</summary>
    public IReadOnlyList<Grant> GrantsFor(int recipientTerminalId)
    {
        var grants = new List<Grant>();
        var back = new List<(Donor, (int, int))>();
        var remaining = _maxSamples;
        while (remaining > 0 && _queue.TryDequeue(out var donor, out var key))
        {
            if (donor.TerminalId == recipientTerminalId)
            {
                back.Add((donor, key));
                continue;
            }
            var samples = Math.Min(Math.Min(_slice, donor.Samples), remaining);
            grants.Add(new Grant(donor.TerminalId, samples));
            remaining -= samples;
            if (key.Uses + 1 < _maxUses) back.Add((donor, (key.Uses + 1, donor.TerminalId)));
        }
        // Returned only now, so one participant never gets the same donor twice.
        foreach (var (donor, key) in back) _queue.Enqueue(donor, key);
        return grants;
    }
}
