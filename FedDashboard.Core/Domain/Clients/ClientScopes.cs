using FedDashboard.Core.Domain.Refusals;

namespace FedDashboard.Core.Domain.Clients;

/// <summary>The scopes one by one, and as the API and the pages name them.</summary>
public static class ClientScopes
{
    public static IReadOnlyList<ClientKeyScopes> Each { get; } = [ClientKeyScopes.SubmitRequests, ClientKeyScopes.ReadRequests, ClientKeyScopes.DownloadModels];

    public static IReadOnlyList<string> Names { get; } = [.. Each.Select(s => s.ToString())];

    /// <summary>The single scopes <paramref name="scopes"/> holds, in <see cref="Each"/>'s order.</summary>
    public static IReadOnlyList<ClientKeyScopes> Split(ClientKeyScopes scopes) => [.. Each.Where(s => scopes.HasFlag(s))];

    /// <summary>Scopes named as in <see cref="Names"/> (any case), joined.</summary>
    /// <exception cref="InvalidInputException">A name that is no scope, at <paramref name="field"/>.</exception>
    public static ClientKeyScopes Parse(IEnumerable<string>? names, string field) => (names ?? []).Aggregate(ClientKeyScopes.None, (scopes, name) =>
        scopes | (Each.FirstOrDefault(s => string.Equals(s.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase)) is var scope && scope != ClientKeyScopes.None
            ? scope
            : throw new InvalidInputException($"There is no scope '{name}'; the scopes are {string.Join(", ", Names)}.", field)));
}
