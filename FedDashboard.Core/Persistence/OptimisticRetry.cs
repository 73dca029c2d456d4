using Microsoft.EntityFrameworkCore;

namespace FedDashboard.Core.Persistence;

/// <summary>
/// Tries a read-decide-save again when another writer changed the row between the read and the save (the row's
/// version no longer matched). Each attempt must read afresh in its own context, so it decides on the new state.
/// </summary>
public static class OptimisticRetry
{
    /// <param name="attempts">How many times <paramref name="attempt"/> runs at most.</param>
    /// <param name="exhausted">The answer when every attempt lost the race; it may throw instead.</param>
    public static async Task<T> RunAsync<T>(int attempts, Func<Task<T>> attempt, Func<T> exhausted)
    {
        for (var tried = 1; ; tried++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateConcurrencyException) when (tried < attempts)
            {
                // Nothing was saved: the next attempt reads the new state, which may refuse the move.
            }
            catch (DbUpdateConcurrencyException)
            {
                return exhausted();
            }
        }
    }
}
