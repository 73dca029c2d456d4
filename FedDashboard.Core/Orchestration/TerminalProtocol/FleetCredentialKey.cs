using FedDashboard.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;

namespace FedDashboard.Core.Orchestration.TerminalProtocol;

/// <summary>
/// The key every node derives the simulated terminals' credentials from: an HMAC of the oldest key of the Data Protection
/// key ring, which the nodes share in the database and which already guards their sign-in cookies. Whoever can read it
/// can forge a session anyway; the edge still keeps only each credential's hash and checks it as for an agent.
/// </summary>
public sealed class FleetCredentialKey(IDataProtectionProvider protection)
{
    private const string Purpose = "FedDashboard.SimulatedFleet.Credentials.v1";

    /// <summary>Reads the key, making the ring's first key if there is none.</summary>
    public async Task<byte[]> ReadAsync(FedDbContext db, CancellationToken ct)
    {
        protection.CreateProtector(Purpose).Protect([0]);
        // The key manager names a key's element "key-{id}"; revocations have elements of their own.
        var oldest = await db.DataProtectionKeys.AsNoTracking().Where(k => k.FriendlyName!.StartsWith("key-")).OrderBy(k => k.Id).Select(k => k.Xml!).FirstAsync(ct);
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(oldest), Encoding.UTF8.GetBytes(Purpose));
    }
}
