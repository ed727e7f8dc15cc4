namespace AvecSante.Infrastructure.Common;

/// <summary>Section "Federation": which federation this deployment serves (part of every partition key).</summary>
public sealed class FederationOptions
{
    public const string Section = "Federation";

    public string Id { get; set; } = "bretagne";

    public string Name { get; set; } = "AVECsanté Bretagne";
}
