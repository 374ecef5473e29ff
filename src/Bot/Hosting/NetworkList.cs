using System.Net;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// A setting that lists networks, e.g. <c>196.201.214.200/32, 196.201.212.0/24</c> (a bare address is a
/// network of one), and the membership test the allowlist and the proxy check share.
/// </summary>
public static class NetworkList
{
    public const string Example = "196.201.214.200/32,196.201.212.0/24";

    /// <summary>Empty or blank text is an empty list; <paramref name="invalid"/> names the first entry that is not a network.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<IPNetwork> networks, out string invalid)
    {
        var parsed = new List<IPNetwork>();
        foreach (var entry in (text ?? "").Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var cidr = entry.Contains('/') ? entry : entry + (entry.Contains(':') ? "/128" : "/32");
            // Strict on purpose: 196.201.212.69/24 (host bits set, perhaps meant as /32) is refused, not widened.
            if (!IPNetwork.TryParse(cidr, out var network) || !network.BaseAddress.Equals(IPAddress.Parse(cidr[..cidr.IndexOf('/')])))
            {
                (networks, invalid) = ([], entry);
                return false;
            }
            parsed.Add(network);
        }
        (networks, invalid) = (parsed, "");
        return true;
    }

    public static IReadOnlyList<IPNetwork> Parse(string? text, string key) =>
        TryParse(text, out var networks, out var invalid) ? networks : throw new FormatException(InvalidMessage(key, invalid));

    public static string InvalidMessage(string key, string invalid) =>
        $"{key}: '{invalid}' is not a network in CIDR form; write the network's first address and its prefix, e.g. {Example}";

    public static bool Contains(IReadOnlyList<IPNetwork> networks, IPAddress? address)
    {
        if (address is null) return false;
        // Kestrel's dual-stack sockets report IPv4 clients as ::ffff:a.b.c.d, which no IPv4 network contains.
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var network in networks)
            if (network.Contains(address)) return true;
        return false;
    }
}
