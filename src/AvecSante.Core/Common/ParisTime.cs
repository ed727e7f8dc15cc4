namespace AvecSante.Core.Common;

/// <summary>
/// The federation lives in Europe/Paris; storage and schedules are UTC. Every conversion goes through here so that
/// summer and winter time are handled once.
/// </summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant of a Paris wall-clock time. A time skipped by the spring change moves one hour later.</summary>
    public static DateTimeOffset FromLocal(DateTime wallClock)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToParis(clock.GetUtcNow()).DateTime);
}
