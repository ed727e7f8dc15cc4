using System.Net;
using AvecSante.Infrastructure.Calls;

namespace AvecSante.UnitTests.Calls.Ingestion;

public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a00:1::")]
    [InlineData("::")]
    [InlineData("224.0.0.1")]
    public void Private_loopback_and_link_local_addresses_are_refused(string address) =>
        Assert.False(NetworkAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Theory]
    [InlineData("193.51.24.1")]
    [InlineData("8.8.8.8")]
    [InlineData("2a01:cb00::1")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(NetworkAddresses.IsAllowed(IPAddress.Parse(address), allowLoopback: false));

    [Fact]
    public void The_loopback_setting_allows_loopback_and_nothing_else_private()
    {
        Assert.True(NetworkAddresses.IsAllowed(IPAddress.Loopback, allowLoopback: true));
        Assert.True(NetworkAddresses.IsAllowed(IPAddress.IPv6Loopback, allowLoopback: true));
        Assert.False(NetworkAddresses.IsAllowed(IPAddress.Parse("10.0.0.1"), allowLoopback: true));
        Assert.False(NetworkAddresses.IsAllowed(IPAddress.Parse("169.254.169.254"), allowLoopback: true));
    }

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_refused_when_connecting()
    {
        await Assert.ThrowsAsync<RefusedDestinationException>(async () =>
            await SourceConnections.ConnectAsync(new DnsEndPoint("localhost", 80), allowLoopback: false, CancellationToken.None));
    }

    [Theory]
    [InlineData("https://www.bretagne.ars.sante.fr/appel/1", true)]
    [InlineData("http://www.bretagne.ars.sante.fr/appel/1", true)]
    [InlineData("https://autre.example.org/appel/1", true)]
    [InlineData("https://www.bretagne.ars.sante.fr:8080/", false)]
    [InlineData("ftp://www.bretagne.ars.sante.fr/appel/1", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("https://user@www.bretagne.ars.sante.fr/", false)]
    [InlineData("https://evil.example.net/", false)]
    public void A_source_reads_its_own_host_and_the_hosts_it_allows(string url, bool allowed)
    {
        var hosts = new SourceHosts(new Uri("https://www.bretagne.ars.sante.fr/liste"), "autre.example.org");

        Assert.Equal(allowed, hosts.Allows(new Uri(url)));
    }
}
