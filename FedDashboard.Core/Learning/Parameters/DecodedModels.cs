using Microsoft.Extensions.Caching.Memory;

namespace FedDashboard.Core.Learning.Parameters;

/// <summary>
/// Decoded parameter sets by the SHA-256 of their encoding, kept within a budget of bytes (the least recently used leave
/// first), so a model that many readers need in a round is read, hashed and decoded once. The sets are shared: callers
/// must not change their arrays (every step of the code base builds new ones). Thread-safe; two readers that miss at
/// the same moment may both decode, which costs time but not correctness, since the content is the same.
/// </summary>
public sealed class DecodedModels(long byteBudget) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = byteBudget });

    public bool TryGet(string hash, out ParameterSet? parameters) => _cache.TryGetValue(hash, out parameters);

    /// <summary>Keeps <paramref name="parameters"/> as the decoding of <paramref name="hash"/>; a set over the budget is not kept.</summary>
    public void Add(string hash, ParameterSet parameters) =>
        _cache.Set(hash, parameters, new MemoryCacheEntryOptions { Size = parameters.ElementCount * sizeof(float) });

    public ParameterSet GetOrAdd(string hash, Func<ParameterSet> decode)
    {
        if (TryGet(hash, out var kept)) return kept!;
        var decoded = decode();
        Add(hash, decoded);
        return decoded;
    }

    public void Dispose() => _cache.Dispose();
}
