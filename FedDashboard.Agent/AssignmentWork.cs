using FedDashboard.Agent.Telemetry;
using FedDashboard.Core.Learning.Models;
using FedDashboard.Core.Learning.Scaffold;
using FedDashboard.Protocol;

namespace FedDashboard.Agent;

/// <summary>
/// One assignment from offer to upload: look at it, accept it or decline it with the reason, download the model, train
/// on the agent's own data following the work plan, upload the result.
/// </summary>
internal sealed class AssignmentWork(
    ITerminalChannel channel, AgentData data, ModelCache models, TrainingRun training, ResultUpload uploads, MachineTelemetry telemetry,
    AgentArguments args, Resilience resilience, AgentLog log)
{
    public async Task DoAsync(string credential, CancellationToken ct)
    {
        try
        {
            var assignment = await resilience.CallAsync("fetch the assignment", token => channel.CurrentAssignmentAsync(credential, token), ct);
            if (assignment is null) return;
            await DoAsync(credential, assignment, ct);
        }
        catch (TerminalProtocolException refusal) when (refusal.Code is not (ProtocolError.Unauthenticated or ProtocolError.CredentialRevoked))
        {
            log.Say($"The edge ended this assignment ({refusal.Code}): {refusal.Message}");
        }
    }

    private async Task DoAsync(string credential, AssignmentInfo assignment, CancellationToken ct)
    {
        log.Say($"Assignment {assignment.AssignmentId} ({assignment.Status}): round {assignment.RoundNumber} of job {assignment.JobId}, {assignment.Model} at width " +
                $"{assignment.Width:0.##}, {assignment.LocalEpochs} epoch(s) of batch {assignment.BatchSize} at learning rate {assignment.LearningRate}, due {assignment.Deadline:HH:mm:ss}.");
        var (samples, problem) = Samples(assignment);
        if (assignment.Status == AssignmentInfo.Offered)
        {
            var decision = problem is null ? new Decision(true, null) : new Decision(false, problem);
            var reply = await resilience.CallAsync("answer the edge", token => channel.DecideAsync(credential, assignment.AssignmentId, decision, token), ct);
            log.Say(problem is null ? $"Accepted: {reply.Message}" : $"Declined because {problem}: {reply.Message}");
            if (problem is not null) return;
        }
        else if (assignment.Status != AssignmentInfo.Training)
        {
            return;
        }
        else if (problem is not null)
        {
            log.Say($"Cannot train assignment {assignment.AssignmentId}: {problem}.");
            return;
        }

        var start = await models.GetAsync(credential, assignment.ModelHash, ct);
        var controls = assignment.Controls is { } variates
            ? new ControlledTraining(new ModelSpec(Enum.Parse<ModelArchitecture>(assignment.Model), assignment.Width), start,
                await models.GetAsync(credential, variates.ServerHash, ct), await models.GetAsync(credential, variates.TerminalHash, ct))
            : null;
        log.Say($"Training on {samples!.Length:N0} samples{(controls is null ? "" : " with SCAFFOLD's control variates")}.");
        var result = await training.RunAsync(credential, assignment, start, controls, data, samples, ct);
        if (result is null) return;
        var pending = await uploads.KeepAsync(assignment.AssignmentId, result, ct);
        await uploads.SendAsync(credential, pending, ct);
    }

    /// <summary>The samples to train on, or why the agent cannot take the work.</summary>
    private (int[]? Samples, string? Problem) Samples(AssignmentInfo assignment)
    {
        if (assignment.DataSource != "Local") return (null, $"this agent trains only on its own data and cannot use the data source '{assignment.DataSource}'");
        if (!Enum.TryParse<ModelArchitecture>(assignment.Model, out _)) return (null, $"it does not know the model '{assignment.Model}'");
        if (assignment is not { Width: > 0 and <= 1, LocalEpochs: > 0, BatchSize: > 0, LearningRate: > 0 })
            return (null, "the work plan is not one it can follow (width, epochs, batch size and learning rate must be positive, width at most 1)");
        var battery = telemetry.Battery();
        if (battery < args.DeclineBelowBattery) return (null, $"its battery is at {battery:P0}, below {args.DeclineBelowBattery:P0}");
        return data.For(assignment);
    }
}
