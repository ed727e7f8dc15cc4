using AvecSante.Api.Console;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// The console's development sign-in: choose one of four invented staff members. It lives in the LocalHost project,
/// which the Functions project does not reference, so the production host cannot enable it.
/// </summary>
public sealed class DevelopmentStaffSignIn : IDevelopmentStaffSignIn
{
    public IReadOnlyList<StaffMember> SampleStaff { get; } =
    [
        new("staff-camille", "Camille Exemple (assistante administrative)", "camille.exemple@example.org"),
        new("staff-nolwenn", "Nolwenn Exemple (chargée de mission)", "nolwenn.exemple@example.org"),
        new("staff-gaelle", "Gaëlle Exemple (chargée de mission)", "gaelle.exemple@example.org"),
        new("staff-soizic", "Soizic Exemple (chargée de mission)", "soizic.exemple@example.org"),
    ];
}

public static class DevelopmentStaffSignInRegistration
{
    public static IServiceCollection AddDevelopmentStaffSignIn(this IServiceCollection services) =>
        services.AddSingleton<IDevelopmentStaffSignIn, DevelopmentStaffSignIn>();
}
