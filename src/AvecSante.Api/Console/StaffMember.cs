namespace AvecSante.Api.Console;

/// <summary>A member of staff signed in to the console: their directory id, name and address (for the audit trail).</summary>
public sealed record StaffMember(string Id, string Name, string Email)
{
    /// <summary>What the audit trail records: the person, never a shared key.</summary>
    public string AuditName => "staff:" + Email;
}
