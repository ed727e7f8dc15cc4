using AvecSante.Core.Calls;
using AvecSante.Core.Common;
using AvecSante.Core.Members;

namespace AvecSante.Core.Alerts;

/// <summary>Why a person receives a call, in words they can read ("thème Addictions, Finistère").</summary>
public sealed record MatchReason(IReadOnlyList<string> Themes, string? Department, string? StructureKind)
{
    public string ToFrench()
    {
        var parts = new List<string>();
        if (Themes.Count > 0)
        {
            parts.Add((Themes.Count == 1 ? "thème " : "thèmes ") + string.Join(", ", Themes.Select(Common.Themes.Label)));
        }
        if (Department is not null)
        {
            parts.Add(Departments.Label(Department));
        }
        if (StructureKind is not null)
        {
            parts.Add("ouvert aux " + StructureKind);
        }
        return parts.Count == 0 ? "vous suivez tous les appels" : string.Join(", ", parts);
    }
}

/// <summary>Decides who receives a call: theme × department × structure kind, each axis open when left empty.</summary>
public static class CallMatcher
{
    public static MatchReason? Match(CallForProjects call, Person person)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(person);
        var prefs = person.Preferences;
        if (!prefs.AlertsEnabled)
        {
            return null;
        }

        // Themes: a person who chose themes only hears of calls on one of them.
        List<string> sharedThemes = prefs.Themes.Count == 0
            ? []
            : call.Themes.Where(prefs.Themes.Contains).ToList();
        if (prefs.Themes.Count > 0 && sharedThemes.Count == 0)
        {
            return null;
        }

        // Departments: the person's chosen departments, else their structure's.
        var personDepartments = prefs.Departments.Count > 0
            ? prefs.Departments
            : person.Department is { } d ? [d] : [];
        string? matchedDepartment = null;
        if (personDepartments.Count > 0)
        {
            var scope = call.Departments.Count == 0 ? [Departments.Regional] : call.Departments;
            matchedDepartment = personDepartments.FirstOrDefault(pd => scope.Any(s => Departments.Covers(s, pd)));
            if (matchedDepartment is null)
            {
                return null;
            }
        }

        // Structure kinds: a call restricted to some kinds skips people of other kinds.
        string? matchedKind = null;
        if (call.StructureKinds.Count > 0)
        {
            var personKinds = prefs.StructureKinds.Count > 0
                ? prefs.StructureKinds
                : person.StructureKind is { } k ? [k] : [];
            matchedKind = personKinds.FirstOrDefault(call.StructureKinds.Contains);
            if (personKinds.Count > 0 && matchedKind is null)
            {
                return null;
            }
        }

        return new MatchReason(sharedThemes, matchedDepartment, matchedKind);
    }
}
