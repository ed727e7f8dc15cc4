namespace AvecSante.Core.Space;

/// <summary>How long sign-in links and sessions last, and how many links an address or a client may ask for per hour.</summary>
public sealed record SpaceSettings(TimeSpan SignInLinkValidity, TimeSpan SessionLength, int RequestsPerAddressPerHour, int RequestsPerClientPerHour)
{
    public static SpaceSettings Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromDays(30), 3, 20);
}
