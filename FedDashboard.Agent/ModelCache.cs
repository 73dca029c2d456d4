using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Protocol;
using System.Security.Cryptography;

namespace FedDashboard.Agent;

/// <summary>
/// Models by content hash in the state folder. A download goes to "hash.part" and resumes from its length after a cut;
/// only bytes that hash to the name become "hash", so a model on disk is always the one asked for. Only the latest model is kept.
/// </summary>
internal sealed class ModelCache(AgentState state, ITerminalChannel channel, Resilience resilience, AgentLog log)
{
    public async Task<ParameterSet> GetAsync(string credential, string hash, CancellationToken ct)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)) throw new InvalidDataException($"The edge named the model '{hash}', which is not a SHA-256 hash.");
        var path = Path.Combine(state.Models, hash);
        if (!File.Exists(path)) await DownloadAsync(credential, hash, path, ct);
        await using var file = File.OpenRead(path);
        return ParameterSetCodec.Read(file);
    }

    private async Task DownloadAsync(string credential, string hash, string path, CancellationToken ct)
    {
        var part = path + ".part";
        for (var attempt = 1; ; attempt++)
        {
            await resilience.CallAsync("download the model", async token =>
            {
                await using var file = AgentState.CreatePrivate(part, FileMode.OpenOrCreate);
                if (file.Length > 0) log.Say($"Resuming the model's download at byte {file.Length:N0}.");
                await channel.DownloadModelAsync(credential, hash, file, token);
            }, ct);
            var actual = await HashOfAsync(part, ct);
            if (actual == hash)
            {
                File.Move(part, path, overwrite: true);
                // Every round brings a new model; the ones before it are of no further use.
                foreach (var old in Directory.EnumerateFiles(state.Models).Where(file => file != path)) File.Delete(old);
                log.Say($"Downloaded model {hash[..12]} ({new FileInfo(path).Length:N0} bytes, hash checked).");
                return;
            }
            File.Delete(part);
            if (attempt == 3) throw new InvalidDataException($"The model downloaded three times hashes to {actual[..12]}…, not {hash[..12]}…; giving up on it.");
            log.Say($"The downloaded model hashes to {actual[..12]}…, not {hash[..12]}…; downloading it again from the start.");
        }
    }

    public static async Task<string> HashOfAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
