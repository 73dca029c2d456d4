using FedDashboard.Core.Learning.Parameters;
using FedDashboard.Protocol;

namespace FedDashboard.Agent;

/// <summary>
/// Sends a trained result until the edge answers: the weights are written to the state folder with the upload's key first,
/// so every attempt — after a cut connection or a restart — sends the same bytes with the same key, which the edge counts once.
/// </summary>
internal sealed class ResultUpload(AgentState state, ITerminalChannel channel, Resilience resilience, AgentLog log)
{
    public async Task<PendingUpload> KeepAsync(int assignmentId, TrainedResult result, CancellationToken ct)
    {
        var path = Path.Combine(state.Results, $"{assignmentId}.fdps");
        await using (var file = AgentState.CreatePrivate(path, FileMode.Create))
        {
            ParameterSetCodec.Write(file, result.Parameters);
        }
        var pending = new PendingUpload(assignmentId, result.Metadata, Guid.NewGuid().ToString("N"), await ModelCache.HashOfAsync(path, ct), path);
        state.Save(pending);
        return pending;
    }

    /// <summary>Sends the result; afterwards it is no longer pending, whether the edge counted it or refused it for good.</summary>
    public async Task SendAsync(string credential, PendingUpload pending, CancellationToken ct)
    {
        try
        {
            var reply = await resilience.CallAsync("upload the result", async token =>
            {
                await using var weights = File.OpenRead(pending.WeightsPath);
                return await channel.UploadResultAsync(credential, pending.AssignmentId, pending.Metadata, weights, pending.IdempotencyKey, pending.ContentHash, token);
            }, ct);
            log.Say(reply.Duplicate
                ? $"The edge already had the result of assignment {pending.AssignmentId} and counts it once: {reply.Message}"
                : $"Uploaded the result of assignment {pending.AssignmentId}: {reply.Message}");
        }
        catch (TerminalProtocolException refusal) when (refusal.Code is not (ProtocolError.Unauthenticated or ProtocolError.CredentialRevoked))
        {
            log.Say($"The edge refused the result of assignment {pending.AssignmentId} ({refusal.Code}): {refusal.Message}");
        }
        state.Clear(pending);
    }
}
