using FedDashboard.Protocol;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace FedDashboard.Bench;

/// <summary>
/// Result uploads over HTTP through the real rounds: every enrolled terminal heartbeats, takes the assignment its edge
/// offers, downloads the assigned 2NN once per model and uploads it back under a key of its own. The clock runs only
/// while uploads are in flight (from a round's first upload to its last), not while the server aggregates.
/// </summary>
internal sealed class UploadLoad(BenchTerminals terminals, int clients)
{
    private readonly ConcurrentDictionary<string, byte[]> _models = new();

    public sealed record Phase(int Uploads, int Refused, double UploadSeconds, double PerSecond, int Rounds, string? FirstRefusal);

    public async Task<Phase> RunAsync(int uploads, CancellationToken ct)
    {
        int done = 0, refused = 0, rounds = 0;
        string? firstRefusal = null;
        var uploading = TimeSpan.Zero;
        while (done < uploads)
        {
            var offers = await OffersAsync(ct);
            if (offers.Count == 0)
            {
                await Task.Delay(100, ct);
                continue;
            }
            var assignments = await AcceptAsync(offers, ct);
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(assignments, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = ct }, async (work, token) =>
            {
                try
                {
                    await UploadAsync(work.Terminal, work.Assignment, token);
                    Interlocked.Increment(ref done);
                }
                catch (TerminalProtocolException refusal)
                {
                    Interlocked.Increment(ref refused);
                    Interlocked.CompareExchange(ref firstRefusal, $"{refusal.Code}: {refusal.Message}", null);
                }
            });
            uploading += stopwatch.Elapsed;
            rounds++;
        }
        return new Phase(done, refused, uploading.TotalSeconds, done / uploading.TotalSeconds, rounds, firstRefusal);
    }

    /// <summary>Heartbeats every terminal (which also keeps them online) and returns those whose edge names an assignment.</summary>
    private async Task<List<(int Terminal, int AssignmentId)>> OffersAsync(CancellationToken ct)
    {
        var offers = new ConcurrentBag<(int, int)>();
        await Parallel.ForAsync(0, terminals.Enrolled.Count, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = ct }, async (i, token) =>
        {
            var reply = await terminals.Channel.HeartbeatAsync(terminals.Enrolled[i].Credential, terminals.Heartbeat(i), token);
            if (reply.AssignmentId is { } id) offers.Add((i, id));
        });
        return [.. offers];
    }

    private async Task<List<(int Terminal, AssignmentInfo Assignment)>> AcceptAsync(List<(int Terminal, int AssignmentId)> offers, CancellationToken ct)
    {
        var accepted = new ConcurrentBag<(int, AssignmentInfo)>();
        await Parallel.ForEachAsync(offers, new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = ct }, async (offer, token) =>
        {
            var credential = terminals.Enrolled[offer.Terminal].Credential;
            if (await terminals.Channel.CurrentAssignmentAsync(credential, token) is not { } assignment) return;
            if (assignment.Status == AssignmentInfo.Offered) await terminals.Channel.DecideAsync(credential, assignment.AssignmentId, new Decision(true, null), token);
            if (!_models.ContainsKey(assignment.ModelHash))
            {
                using var model = new MemoryStream();
                await terminals.Channel.DownloadModelAsync(credential, assignment.ModelHash, model, token);
                _models.TryAdd(assignment.ModelHash, model.ToArray());
            }
            accepted.Add((offer.Terminal, assignment));
        });
        return [.. accepted];
    }

    private async Task UploadAsync(int terminal, AssignmentInfo assignment, CancellationToken ct)
    {
        var weights = _models[assignment.ModelHash];
        var metadata = new ResultMetadata(600, 0.5, 0.8, 1000, assignment.PlannedSteps, assignment.PlannedSteps);
        await terminals.Channel.UploadResultAsync(terminals.Enrolled[terminal].Credential, assignment.AssignmentId, metadata, new MemoryStream(weights, writable: false),
            Guid.NewGuid().ToString("N"), Convert.ToHexStringLower(SHA256.HashData(weights)), ct);
    }
}
