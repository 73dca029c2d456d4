using System.Collections.Concurrent;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Core.Learning.Tiers;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The models terminals download: the part of a start model at a tier's width (HeteroFL's nested sub-model), stored
/// content-addressed, so every terminal of a tier downloads one blob and a cache can keep it. Thread-safe.
/// </summary>
public sealed class ModelParts(ModelBlobStore blobs)
{
    // One entry per start model and width ever offered (a few per round): small, and saves cutting the model per call.
    private readonly ConcurrentDictionary<(string BaseModelHash, ModelArchitecture Architecture, double Width), string> _hashes = new();

    /// <returns>The hash of the part; the start model's own hash at the full width.</returns>
    public string HashOf(string baseModelHash, ModelArchitecture architecture, double width) =>
        width >= 1
            ? baseModelHash
            : _hashes.GetOrAdd((baseModelHash, architecture, width), key =>
                blobs.Put(SubModel.Extract(blobs.Get(key.BaseModelHash), new ModelSpec(key.Architecture), new ModelSpec(key.Architecture, key.Width))));
}
