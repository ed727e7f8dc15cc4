using System.Net;
using System.Net.Sockets;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// Which addresses the back office may connect to when it reads a source: public internet addresses only. Loopback,
/// private ranges (RFC 1918, unique-local IPv6), link-local (the cloud metadata endpoint 169.254.169.254), carrier-grade
/// NAT, multicast and reserved ranges would let a link in a feed reach the app's own network.
/// </summary>
public static class NetworkAddresses
{
    private static readonly (byte[] Prefix, int Bits)[] RefusedV4 =
    [
        ([0, 0, 0, 0], 8),         // "this network"
        ([10, 0, 0, 0], 8),        // private
        ([100, 64, 0, 0], 10),     // carrier-grade NAT
        ([127, 0, 0, 0], 8),       // loopback
        ([169, 254, 0, 0], 16),    // link-local, cloud metadata
        ([172, 16, 0, 0], 12),     // private
        ([192, 0, 0, 0], 24),      // IETF protocol assignments
        ([192, 0, 2, 0], 24),      // documentation
        ([192, 168, 0, 0], 16),    // private
        ([198, 18, 0, 0], 15),     // benchmarking
        ([198, 51, 100, 0], 24),   // documentation
        ([203, 0, 113, 0], 24),    // documentation
        ([224, 0, 0, 0], 4),       // multicast
        ([240, 0, 0, 0], 4),       // reserved, broadcast
    ];

    /// <summary>True when a connection to this address is allowed; loopback only when <paramref name="allowLoopback"/>.</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !RefusedV4.Any(r => InPrefix(address.GetAddressBytes(), r.Prefix, r.Bits)),
            AddressFamily.InterNetworkV6 => IsAllowedV6(address, allowLoopback),
            _ => false,
        };
    }

    private static bool IsAllowedV6(IPAddress address, bool allowLoopback)
    {
        var bytes = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
        {
            return false;
        }
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return false; // ::/96, IPv4-compatible addresses: never a public destination
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one.
        if (InPrefix(bytes, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96))
        {
            return IsAllowed(new IPAddress(bytes[12..16]), allowLoopback);
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return IsAllowed(new IPAddress(bytes[2..6]), allowLoopback);
        }
        return true;
    }

    private static bool InPrefix(byte[] address, byte[] prefix, int bits)
    {
        for (var i = 0; i < bits / 8; i++)
        {
            if (address[i] != prefix[i])
            {
                return false;
            }
        }
        var rest = bits % 8;
        if (rest == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - rest));
        return (address[bits / 8] & mask) == (prefix[bits / 8] & mask);
    }
}
