using FedDashboard.Core.Domain.Policies.Edge;
using FedDashboard.Core.Domain.Refusals;
using FedDashboard.Core.Domain.Requests;
using FedDashboard.Core.Domain.Training;
using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Learning.Models;
using System.Globalization;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// Checks what a request says by itself, field by field, and turns it into an order. What depends on the client, the
/// clock or the fleet (allowed models, the deadline's lead, the budget's cost, the callback's address) is checked when
/// it is submitted (<see cref="TrainingRequests"/>): a resubmission later must still find the request it made.
/// </summary>
public static class TrainingRequestInput
{
    /// <exception cref="InvalidInputException">At the first field that is missing or out of range.</exception>
    public static TrainingRequestOrder Parse(TrainingRequestSubmission submission)
    {
        var name = TextInput.Required(submission.Name, TrainingRequest.MaxNameLength, RequestFields.Name, "A request's name", "A request needs a name.");
        var model = Named<ModelArchitecture>(submission.Model, RequestFields.Model, "model");
        var partition = submission.Data?.Partition is null ? DataPartition.Iid : Named<DataPartition>(submission.Data.Partition, RequestFields.Partition, "partition");
        var target = submission.Condition?.TargetAccuracy
            ?? throw new InvalidInputException("A request needs a target test accuracy, a fraction above 0 and at most 1.", RequestFields.TargetAccuracy);
        if (!(target is > 0 and <= 1))
            throw new InvalidInputException(Invariant($"The target test accuracy is a fraction above 0 and at most 1 (was {target})."), RequestFields.TargetAccuracy);
        var maxLoss = submission.Condition.MaxTestLoss;
        if (maxLoss is { } loss && !(loss > 0 && double.IsFinite(loss)))
            throw new InvalidInputException(Invariant($"The maximum test loss is a number above 0, or left out (was {loss})."), RequestFields.MaxTestLoss);
        var heldOut = HeldOutSetOf(submission.Condition.HeldOutSet);
        var group = TerminalGroupOf(submission.Data?.TerminalGroup);
        var deadline = submission.Deadline ?? throw new InvalidInputException("A request needs a deadline (an ISO 8601 time with its offset).", RequestFields.Deadline);
        var rounds = submission.Budget?.MaxRounds ?? throw new InvalidInputException("A request's budget needs a maximum number of rounds.", RequestFields.MaxRounds);
        if (rounds is < 1 or > 100_000)
            throw new InvalidInputException($"The maximum number of rounds is from 1 to 100000 (was {rounds}).", RequestFields.MaxRounds);
        var spend = submission.Budget.MaxSpend ?? throw new InvalidInputException("A request's budget needs a maximum reward spend.", RequestFields.MaxSpend);
        if (spend <= 0) throw new InvalidInputException(Invariant($"The maximum reward spend is above 0 (was {spend})."), RequestFields.MaxSpend);
        var priority = submission.Priority is null ? RequestPriority.Normal : Named<RequestPriority>(submission.Priority, RequestFields.Priority, "priority", "priorities");
        return new(name, model, new RequestData { Partition = partition, TerminalGroup = group },
            new RequestCondition { TargetAccuracy = target, MaxTestLoss = maxLoss, HeldOutSet = heldOut },
            deadline.ToUniversalTime(), new RequestBudget { MaxRounds = rounds, MaxSpend = spend }, null, priority);
    }

    /// <returns>Null for the whole test set (left out, or named by its default name, so both hash the same).</returns>
    private static string? HeldOutSetOf(string? name)
    {
        if (name is null) return null;
        var set = HeldOutSets.Find(name.Trim())
            ?? throw new InvalidInputException($"There is no held-out set '{name}'; the held-out sets are {string.Join(", ", HeldOutSets.All.Select(s => s.Name))}.", RequestFields.HeldOutSet);
        return set.Name == HeldOutSets.Default ? null : set.Name;
    }

    /// <summary>Its form only: whether an edge's policy names such a group is checked at submission.</summary>
    private static string? TerminalGroupOf(string? name)
    {
        if (name is null) return null;
        if (string.IsNullOrWhiteSpace(name)) throw new InvalidInputException("A terminal group needs a name, or leave it out for any terminal.", RequestFields.TerminalGroup);
        var trimmed = name.Trim();
        return trimmed.Length <= GroupRule.MaxNameLength
            ? trimmed
            : throw new InvalidInputException($"A terminal group's name has at most {GroupRule.MaxNameLength} characters (was {trimmed.Length}).", RequestFields.TerminalGroup);
    }

    private static T Named<T>(string? name, string field, string what, string? plural = null) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(name) && !int.TryParse(name, out _) && Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidInputException(
                $"{(string.IsNullOrWhiteSpace(name) ? $"A request needs a {what}" : $"There is no {what} '{name}'")}; the {plural ?? what + "s"} are {string.Join(", ", Enum.GetNames<T>())}.", field);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
