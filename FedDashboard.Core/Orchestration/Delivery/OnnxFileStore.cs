using System.Security.Cryptography;

namespace FedDashboard.Core.Orchestration.Delivery;

/// <summary>Checked ONNX files by the SHA-256 of their content, beside the model blobs; written once, atomically.</summary>
public sealed class OnnxFileStore(string folder)
{
    public string Put(byte[] file)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        var path = PathOf(hash);
        if (File.Exists(path)) return hash;
        Directory.CreateDirectory(folder);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, file);
        // The same content under the same name: losing a race to another writer is harmless.
        File.Move(temp, path, overwrite: true);
        return hash;
    }

    /// <summary>The file, or null when it is not here (another node's disk, or removed): then it is exported again.</summary>
    public byte[]? Find(string hash) => File.Exists(PathOf(hash)) ? File.ReadAllBytes(PathOf(hash)) : null;

    private string PathOf(string hash) => Path.Combine(folder, $"{hash}.onnx");
}
