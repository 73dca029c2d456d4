using FedDashboard.Core.Domain.Governance.Audit;
using FedDashboard.Core.Domain.Security;
using FedDashboard.Core.Orchestration.Governance.Audit;
using Microsoft.AspNetCore.WebUtilities;
using System.Globalization;

namespace FedDashboard.Model;

/// <summary>An <see cref="AuditFilter"/> as URL query text, so the page's export link and the export endpoint agree.</summary>
public static class AuditQuery
{
    public static string ToQueryString(AuditFilter filter)
    {
        var values = new Dictionary<string, string?>
        {
            ["actor"] = filter.Actor,
            ["action"] = filter.Action?.ToString(),
            ["subject"] = filter.Subject?.ToString(),
            ["subjectId"] = filter.SubjectId,
            ["outcome"] = filter.Outcome?.ToString(),
            ["from"] = filter.From?.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.ToString("O", CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("", values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    /// <summary>The filter, or every problem with the query in one message.</summary>
    public static (AuditFilter? Filter, string? Error) Parse(IQueryCollection query)
    {
        var errors = new List<string>();
        var filter = new AuditFilter
        {
            Actor = query["actor"],
            Action = EnumOf<AuditAction>(query, "action", errors),
            Subject = EnumOf<AuditSubject>(query, "subject", errors),
            SubjectId = query["subjectId"],
            Outcome = EnumOf<AuditOutcome>(query, "outcome", errors),
            From = TimeOf(query, "from", errors),
            To = TimeOf(query, "to", errors),
        };
        if (errors.Count == 0 && filter.Problem is { } problem) errors.Add(problem);
        return errors.Count == 0 ? (filter, null) : (null, string.Join(" ", errors));
    }

    private static T? EnumOf<T>(IQueryCollection query, string key, List<string> errors) where T : struct, Enum
    {
        var text = query[key].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
        errors.Add($"'{key}' must be one of {string.Join(", ", Enum.GetNames<T>())} (was '{text}').");
        return null;
    }

    private static DateTimeOffset? TimeOf(IQueryCollection query, string key, List<string> errors)
    {
        var text = query[key].ToString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
        errors.Add($"'{key}' must be a date and time such as 2026-11-23T12:00:00Z (was '{text}').");
        return null;
    }
}
