using System.Security.Cryptography;

namespace FedDashboard.Core.Learning.Parameters;

/// <summary>
/// Content-addressed parameter sets on disk: each blob is stored under the SHA-256 of its encoded
/// bytes at <c>root/ab/abcdef…</c>. Writes are atomic (temp file + rename), so concurrent
/// writers of the same content and readers never see a partial file. The sets written and read last are kept decoded
/// (see <see cref="DecodedModels"/>): a round reads its start model and each result several times.
/// </summary>
public sealed class ModelBlobStore(string rootFolder) : IDisposable
{
    /// <summary>About 40 CNN models or 300 of the 2NN: the models of a few rounds of 10 terminals.</summary>
    private const long DecodedBudgetBytes = 256L << 20;

    private readonly string _root = Path.GetFullPath(rootFolder ?? throw new ArgumentNullException(nameof(rootFolder)));
    private readonly DecodedModels _decoded = new(DecodedBudgetBytes);

    public string Put(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var bytes = ParameterSetCodec.Encode(parameters);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));

        _decoded.Add(hash, parameters);
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }
            // Identical content under an identical name: losing a race to another writer is harmless.
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return hash;
    }

    /// <summary>The set stored under <paramref name="hash"/>; shared with other readers, so its arrays must not be changed.</summary>
    public ParameterSet Get(string hash) => _decoded.GetOrAdd(hash, () => Read(hash));

    private ParameterSet Read(string hash)
    {
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No model blob {hash} in {_root}.", path);
        }
        var bytes = File.ReadAllBytes(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != hash)
        {
            throw new InvalidDataException($"Model blob {path} is corrupt: its content hashes to {actual}, not {hash}.");
        }
        using var stream = new MemoryStream(bytes, writable: false);
        return ParameterSetCodec.Read(stream);
    }

    public bool Exists(string hash) => File.Exists(PathOf(hash));

    /// <summary>Where the blob of <paramref name="hash"/> is (or would be) stored, for serving it as a file as it is.</summary>
    public string PathOf(string hash)
    {
        if (hash is null || hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{hash}' is not a lowercase SHA-256 hex string (64 characters 0-9a-f).", nameof(hash));
        }
        return Path.Combine(_root, hash[..2], hash);
    }

    public void Dispose() => _decoded.Dispose();
}
