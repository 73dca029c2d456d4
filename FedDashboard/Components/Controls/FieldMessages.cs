namespace FedDashboard.Components.Controls;

/// <summary>
/// Core's refusal of bad input at the form field it concerns, by the field name Core gives it (e.g. "comment"); a
/// page binds a field's <c>Error</c> and <c>ErrorText</c> to it. <see cref="CoreActions"/> fills it.
/// </summary>
public sealed class FieldMessages
{
    /// <summary>Where a refusal that names no field is kept, for a page that shows it above its form.</summary>
    public const string Form = "";

    private readonly Dictionary<string, string> _messages = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string field] => _messages.GetValueOrDefault(field);

    public bool Has(string field) => _messages.ContainsKey(field);

    public void Clear() => _messages.Clear();

    public void Set(string field, string message) => _messages[field] = message;
}
