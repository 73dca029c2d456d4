namespace FedDashboard.Core.Domain.Refusals;

/// <summary>
/// The move is not possible in the current state of what it acts on, or a concurrent change won the race; nothing
/// changed. Endpoints answer 409 with the message.
/// </summary>
/// <remarks>An <see cref="InvalidOperationException"/> so code that caught the old type still does; mapping goes by this type only.</remarks>
public sealed class ConflictException(string message) : InvalidOperationException(message);
