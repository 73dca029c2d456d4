namespace FedDashboard.Core.Domain.Refusals;

/// <summary>
/// What the actor typed or sent is not acceptable; nothing changed. Endpoints answer 400 with the message, under
/// <see cref="Field"/> when the input has one, and pages show it at that field.
/// </summary>
/// <remarks>An <see cref="ArgumentException"/> so code that caught the old type still does; mapping goes by this type only.</remarks>
public sealed class InvalidInputException(string message, string? field = null) : ArgumentException(message)
{
    /// <summary>The input's name as the request and the page call it (camelCase, e.g. "comment"), or null for the input as a whole.</summary>
    public string? Field { get; } = field;
}
