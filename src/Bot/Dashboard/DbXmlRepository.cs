using System.Xml.Linq;
using InvoiceFirst.Data.Logins;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// Data Protection's key ring in the database, so a session cookie signed by one instance is read by every
/// other. Data Protection calls this rarely (it caches the ring) and synchronously, hence the blocking waits.
/// </summary>
public sealed class DbXmlRepository(DataProtectionKeyRepository keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        keys.ListXmlAsync(CancellationToken.None).GetAwaiter().GetResult().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        keys.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
}
