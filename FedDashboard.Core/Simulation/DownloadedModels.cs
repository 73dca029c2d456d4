using System.Security.Cryptography;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Protocol;

namespace FedDashboard.Core.Simulation;

/// <summary>
/// The models the simulated fleet of this process downloaded, decoded and kept by their content hash, as an agent keeps
/// a model it fetched before: the terminals of a round get the same start model, and only the first downloads, checks
/// and decodes it. A terminal asks for a model by the hash its own assignment named, so a kept one is what it was given.
/// Thread-safe; one per process.
/// </summary>
public sealed class DownloadedModels : IDisposable
{
    /// <summary>The start models of a few rounds and widths; the fleet rarely needs more than one at a time.</summary>
    private const long BudgetBytes = 64L << 20;

    private readonly DecodedModels _models = new(BudgetBytes);

    /// <exception cref="InvalidDataException">The downloaded bytes do not hash to <paramref name="hash"/>.</exception>
    public async Task<ParameterSet> GetAsync(ITerminalChannel channel, string credential, string hash, CancellationToken ct)
    {
        if (_models.TryGet(hash, out var kept)) return kept!;
        using var model = new MemoryStream();
        await channel.DownloadModelAsync(credential, hash, model, ct);
        if (Convert.ToHexStringLower(SHA256.HashData(model.GetBuffer().AsSpan(0, (int)model.Length))) != hash)
            throw new InvalidDataException($"The downloaded model does not hash to {hash}.");
        model.Position = 0;
        var decoded = ParameterSetCodec.Read(model);
        _models.Add(hash, decoded);
        return decoded;
    }

    public void Dispose() => _models.Dispose();
}
