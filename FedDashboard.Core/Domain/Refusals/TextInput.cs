namespace FedDashboard.Core.Domain.Refusals;

/// <summary>The one check of free text people type (comments, reasons, references, names) against its limit.</summary>
public static class TextInput
{
    /// <summary>The text trimmed, or null when it is empty; refuses text longer than <paramref name="maxLength"/>.</summary>
    /// <param name="what">How the message names the text, e.g. "A comment".</param>
    /// <exception cref="InvalidInputException">The trimmed text is longer than <paramref name="maxLength"/>.</exception>
    public static string? Optional(string? text, int maxLength, string field, string what)
    {
        var trimmed = text?.Trim();
        if (trimmed?.Length > maxLength)
            throw new InvalidInputException($"{what} has at most {maxLength} characters (was {trimmed.Length}).", field);
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>Like <see cref="Optional"/>, and refuses empty text with <paramref name="missing"/>.</summary>
    public static string Required(string? text, int maxLength, string field, string what, string missing) =>
        Optional(text, maxLength, field, what) ?? throw new InvalidInputException(missing, field);
}
