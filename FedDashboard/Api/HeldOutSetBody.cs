using FedDashboard.Core.Learning.Data;

namespace FedDashboard.Api;

/// <summary>A held-out set a request's condition may name (<c>condition.heldOutSet</c>).</summary>
public sealed record HeldOutSetBody(string Name, string Description, bool IsDefault)
{
    public static HeldOutSetBody Of(HeldOutSet set) => new(set.Name, set.Description, set.Name == HeldOutSets.Default);
}
