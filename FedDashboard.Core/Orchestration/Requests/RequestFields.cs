namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>A training request's inputs as the client API names them, for refusals shown at their field.</summary>
public static class RequestFields
{
    public const string Name = "name";
    public const string Model = "model";
    public const string Partition = "data.partition";
    public const string TerminalGroup = "data.terminalGroup";
    public const string TargetAccuracy = "condition.targetAccuracy";
    public const string MaxTestLoss = "condition.maxTestLoss";
    public const string HeldOutSet = "condition.heldOutSet";
    public const string Deadline = "deadline";
    public const string MaxRounds = "budget.maxRounds";
    public const string MaxSpend = "budget.maxSpend";
    public const string Priority = "priority";
    public const string CallbackUrl = Domain.Callbacks.CallbackUrlRules.Field;

    /// <summary>The header that carries it.</summary>
    public const string IdempotencyKey = "Idempotency-Key";
}
