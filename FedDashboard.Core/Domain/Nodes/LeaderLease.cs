namespace FedDashboard.Core.Domain.Nodes;

/// <summary>
/// Who leads singleton work, and until when: one row, taken and renewed in one statement on the database's clock
/// (see Hosting/Nodes/LeaseStatements), never through this class.
/// </summary>
public sealed class LeaderLease
{
    public const string SingletonWork = "singleton-work";

    private LeaderLease()
    {
        Name = "";
        Holder = "";
    }

    public string Name { get; private set; }
    public string Holder { get; private set; }
    public DateTimeOffset HeldSince { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
}
