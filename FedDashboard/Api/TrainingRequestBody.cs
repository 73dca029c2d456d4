using FedDashboard.Core.Learning.Data;
using FedDashboard.Core.Orchestration.Requests;

namespace FedDashboard.Api;

/// <summary>A training request as the client API answers it: what was ordered, where it stands, and how far its job has come.</summary>
/// <param name="Priority">Low, Normal or High.</param>
/// <param name="Status">Queued, Allocating, Training, Met, Failed or Cancelled.</param>
/// <param name="EndCondition">Once ended: Met, Deadline, Budget, Cancelled or JobEnded; the end reason says it in words.</param>
/// <param name="BestAccuracy">The best accuracy of the job's versions so far: on the condition's held-out set when it names one, else on the whole test set.</param>
/// <param name="EstimatedSecondsLeft">By the accuracy gained per minute so far, extended to the target; null while unknown.</param>
public sealed record TrainingRequestBody(
    int Id,
    string Name,
    string Model,
    DataSubmission Data,
    ConditionSubmission Condition,
    DateTimeOffset Deadline,
    BudgetSubmission Budget,
    string? CallbackUrl,
    string Priority,
    string Status,
    string? EndCondition,
    string? EndReason,
    int? Round,
    double? BestAccuracy,
    double? EstimatedSecondsLeft,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt)
{
    public static TrainingRequestBody Of(TrainingRequestView view)
    {
        var (r, p) = (view.Request, view.Progress);
        return new(r.Id, r.Name, r.Model.ToString(), new(r.Data.Partition.ToString(), r.Data.TerminalGroup),
            new(r.Condition.TargetAccuracy, r.Condition.MaxTestLoss, r.Condition.HeldOutSet ?? HeldOutSets.Default), r.Deadline,
            new(r.Budget.MaxRounds, r.Budget.MaxSpend), r.CallbackUrl, r.Priority.ToString(), r.Status.ToString(), r.EndCondition?.ToString(), r.EndReason,
            p.Round, p.BestAccuracy, p.EstimatedTimeLeft is { } left ? Math.Round(left.TotalSeconds) : null, r.CreatedAt, r.EndedAt);
    }
}
