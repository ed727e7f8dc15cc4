using System.Globalization;
using AvecSante.Core.Alerts;
using AvecSante.Core.Common;

namespace AvecSante.Core.Members;

/// <summary>The two renewal reminders of a membership year, and the outbox kind they are sent as.</summary>
public static class RenewalStages
{
    /// <summary>Outbox kind: not a personal alert, so unsubscribing from alerts does not stop it.</summary>
    public const string Kind = "membership-renewal";

    /// <summary>In January of year N: the structure has not paid year N yet.</summary>
    public const string January = "janvier";

    /// <summary>After January, still in grace and still unpaid: the second reminder, with the date the membership lapses.</summary>
    public const string Grace = "grace";

    /// <summary>The subject-of-send of the idempotency key <c>{personId}|renewal-{year}-{stage}|membership-renewal</c>.</summary>
    public static string SubjectOfSend(int year, string stage) => $"renewal-{year.ToString(CultureInfo.InvariantCulture)}-{stage}";
}

/// <summary>One structure to remind: which stage, for which year, until when grace lasts, and to whom.</summary>
public sealed record RenewalCandidate(MemberStructure Structure, string Stage, int Year, DateOnly LastDayOfGrace, IReadOnlyList<Person> Contacts);
