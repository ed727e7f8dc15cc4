namespace AvecSante.Api.Console;

/// <summary>
/// The development sign-in (choose one of the sample staff). Only the LocalHost registers an implementation, in its
/// own project, which the Functions project does not reference: the production host cannot enable it.
/// </summary>
public interface IDevelopmentStaffSignIn
{
    IReadOnlyList<StaffMember> SampleStaff { get; }
}
