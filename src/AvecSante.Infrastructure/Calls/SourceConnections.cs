using System.Net;
using System.Net.Sockets;

namespace AvecSante.Infrastructure.Calls;

/// <summary>A connection the back office refused to open: the source's address is not a public one.</summary>
public sealed class RefusedDestinationException(string message) : IOException(message);

/// <summary>
/// The HTTP handler the call sources read through. The address is checked when the socket connects, after DNS
/// resolution, so a host name that resolves (or re-resolves) to a private address cannot reach the app's network.
/// Redirects are not followed here: <see cref="PoliteHttp"/> follows them itself and checks each new address.
/// No proxy, so the address checked is the address connected to.
/// </summary>
public static class SourceConnections
{
    public static SocketsHttpHandler CreateHandler(CallsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowLoopback = options.AllowLoopbackSources;
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AllowAutoRedirect = false,
            UseProxy = false,
            // Decompressed bytes are counted by PoliteHttp's size cap, which stops reading past it.
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowLoopback, cancellationToken),
        };
    }

    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowLoopback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(a => NetworkAddresses.IsAllowed(a, allowLoopback)).ToArray();
        if (allowed.Length == 0)
        {
            throw new RefusedDestinationException($"{endpoint.Host} is not a public address; the back office does not connect to it.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
