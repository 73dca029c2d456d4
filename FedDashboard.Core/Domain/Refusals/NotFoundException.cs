namespace FedDashboard.Core.Domain.Refusals;

/// <summary>The thing an actor acts on does not exist; endpoints answer 404 with the message.</summary>
/// <remarks>A <see cref="KeyNotFoundException"/> so code that caught the old type still does; mapping goes by this type only.</remarks>
public sealed class NotFoundException(string message) : KeyNotFoundException(message);
