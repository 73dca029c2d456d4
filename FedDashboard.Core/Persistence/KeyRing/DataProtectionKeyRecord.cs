namespace FedDashboard.Core.Persistence.KeyRing;

/// <summary>One key of ASP.NET Core Data Protection's key ring, as the XML it writes.</summary>
public sealed class DataProtectionKeyRecord
{
    private DataProtectionKeyRecord() => FriendlyName = Xml = "";

    public DataProtectionKeyRecord(string friendlyName, string xml) => (FriendlyName, Xml) = (friendlyName, xml);

    public int Id { get; private set; }
    public string FriendlyName { get; private set; }
    public string Xml { get; private set; }
}
