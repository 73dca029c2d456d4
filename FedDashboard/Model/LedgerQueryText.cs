using System.Globalization;

namespace FedDashboard.Model;

/// <summary>The values of a ledger query, strictly: finance scripts call the export, and a guess at what they meant would be worse than a 400.</summary>
internal static class LedgerQueryText
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>An ISO 8601 date (midnight UTC) or date and time; without an offset it is UTC.</summary>
    public static DateTimeOffset? Time(IQueryCollection query, string key, List<string> errors)
    {
        var text = query[key].ToString().Trim();
        if (text.Length == 0) return null;
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return value;
        errors.Add($"'{key}' must be an ISO 8601 date or date and time, such as 2026-11-23 or 2026-11-23T12:00:00Z (was '{text}').");
        return null;
    }

    public static int? Id(IQueryCollection query, string key, List<string> errors)
    {
        var text = query[key].ToString().Trim();
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0) return value;
        errors.Add($"'{key}' must be an id, a whole number from 1 (was '{text}').");
        return null;
    }
}
