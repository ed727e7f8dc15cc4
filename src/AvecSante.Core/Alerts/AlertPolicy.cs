using AvecSante.Core.Members;

namespace AvecSante.Core.Alerts;

/// <summary>The kinds of alert messages, and whether a person's current preferences still let each one through.</summary>
public static class AlertKinds
{
    public const string NewCall = "call-new";
    public const string CallChanged = "call-changed";
    public const string Reminder = "call-reminder";
    public const string Digest = "digest";
    public const string Calendar = "calendar";
    public const string Teams = "teams-new-call";

    public const string EmailChannel = "email";

    /// <summary>
    /// Checked when a message is planned and again just before it is sent, so an unsubscribe or a change of mind is
    /// honoured from the very next send. Kinds that are not alerts (ticket confirmations) are never stopped here.
    /// </summary>
    public static bool Allows(AlertPreferences preferences, string kind)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return kind switch
        {
            NewCall or CallChanged => preferences.AlertsEnabled && preferences.Channels.Contains(EmailChannel),
            Reminder => preferences.AlertsEnabled && preferences.RemindersEnabled,
            Digest => preferences.AlertsEnabled && preferences.DigestEnabled,
            _ => true,
        };
    }

    public static bool IsPersonalAlert(string kind) => kind is NewCall or CallChanged or Reminder or Digest;
}

/// <summary>Preferences as they apply: an empty axis falls back on the person's own structure (department, kind).</summary>
public static class PreferenceDefaults
{
    public static IReadOnlyList<string> Departments(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Preferences.Departments.Count > 0 ? person.Preferences.Departments
            : person.Department is { } d ? [d] : [];
    }

    public static IReadOnlyList<string> StructureKinds(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Preferences.StructureKinds.Count > 0 ? person.Preferences.StructureKinds
            : person.StructureKind is { } k ? [k] : [];
    }
}
