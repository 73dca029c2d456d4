using FedDashboard.Core.Domain.Requests;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FedDashboard.Core.Orchestration.Requests;

/// <summary>
/// The SHA-256, in lower-case hex, of a request's canonical body: the checked order serialized in one fixed shape, so
/// the same request sent with other spacing, property order, letter case of names or time offset hashes the same.
/// </summary>
public static class RequestBodyHash
{
    public static string Of(TrainingRequestOrder order, string? callbackUrl)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            order.Name,
            Model = order.Model.ToString(),
            Partition = order.Data.Partition.ToString(),
            order.Condition.TargetAccuracy,
            order.Condition.MaxTestLoss,
            Deadline = order.Deadline.UtcDateTime,
            order.Budget.MaxRounds,
            // G29 drops trailing zeros: 10 and 10.00 are the same spend.
            MaxSpend = order.Budget.MaxSpend.ToString("G29", CultureInfo.InvariantCulture),
            CallbackUrl = string.IsNullOrWhiteSpace(callbackUrl) ? null : callbackUrl.Trim(),
        });
        // Normal, the default, adds nothing: a request accepted before priorities existed still hashes as it did.
        if (order.Priority != RequestPriority.Normal) canonical += $"|priority={order.Priority}";
        // Likewise: no held-out set and no terminal group add nothing.
        if (order.Condition.HeldOutSet is { } set) canonical += $"|heldOutSet={set}";
        if (order.Data.TerminalGroup is { } group) canonical += $"|terminalGroup={group}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
