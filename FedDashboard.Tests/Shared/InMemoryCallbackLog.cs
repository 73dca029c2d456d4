using FedDashboard.Core.Domain.Callbacks;
using FedDashboard.Core.Orchestration.Callbacks;

namespace FedDashboard.Tests.Shared;

/// <summary>
/// A stand-in for the callback attempt table, which does not exist yet: the one port of ours these tests do not run for
/// real. It keeps the same promises (thread-safe; an attempt number recorded once). Replace it with the real table when
/// it is built.
/// </summary>
public sealed class InMemoryCallbackLog : ICallbackAttemptLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, CallbackDelivery> _deliveries = [];
    private readonly Dictionary<Guid, List<CallbackAttempt>> _attempts = [];

    public Guid Add(Uri url, string body, string keyId, string secret)
    {
        var id = Guid.NewGuid();
        lock (_lock)
        {
            _deliveries[id] = new CallbackDelivery(id, url, body, keyId, secret, AttemptsMade: 0);
            _attempts[id] = [];
        }
        return id;
    }

    public IReadOnlyList<CallbackAttempt> Attempts(Guid deliveryId)
    {
        lock (_lock) return [.. _attempts[deliveryId]];
    }

    public Task<CallbackDelivery?> FindAsync(Guid deliveryId, CancellationToken ct)
    {
        lock (_lock)
            return Task.FromResult(_deliveries.TryGetValue(deliveryId, out var delivery)
                ? delivery with { AttemptsMade = _attempts[deliveryId].Select(a => a.Number).DefaultIfEmpty(0).Max() }
                : null);
    }

    public Task<bool> RecordAsync(Guid deliveryId, CallbackAttempt attempt, CancellationToken ct)
    {
        lock (_lock)
        {
            var attempts = _attempts[deliveryId];
            if (attempts.Any(a => a.Number == attempt.Number)) return Task.FromResult(false);
            attempts.Add(attempt);
            return Task.FromResult(true);
        }
    }
}
