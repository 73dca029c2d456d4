using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using System.Xml.Linq;

namespace FedDashboard.Core.Persistence.KeyRing;

/// <summary>
/// Keeps the Data Protection key ring in the database, so every node decrypts what another encrypted (signing secrets,
/// sign-in cookies). Written by hand rather than by Microsoft's EF Core store, whose release needs a newer EF Core than ours.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<FedDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}
