using AvecSante.Core.Members;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AvecSante.Infrastructure.Members;

/// <summary>People: PartitionKey = federation, RowKey = person id (never the email). A few hundred rows: one partition.</summary>
/// <remarks>The member file's columns and methods (IPeopleRegister) are in Members/TablePeopleRegister.cs.</remarks>
public sealed partial class TablePeopleDirectory(TableStore tables, IOptions<FederationOptions> federation) : IPeopleDirectory
{
    public const string TableName = "People";

    private string Partition => federation.Value.Id;

    public async Task UpsertAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(person), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SavePreferencesAsync(string id, AlertPreferences preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            // Merge of the preference columns only: no read-modify-write window over the member file's columns.
            await table.UpdateEntityAsync(WithPreferenceColumns(preferences, new TableEntity(Partition, id)), ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (TableStore.IsNotFound(ex))
        {
            return false;
        }
    }

    public async Task<Person?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<Person>> ListAlertRecipientsAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and AlertsEnabled eq {true}");
        return await tables.QueryAsync(TableName, filter, FromEntity, cancellationToken).ConfigureAwait(false);
    }

    private TableEntity ToEntity(Person p) => WithMemberColumns(p, WithPreferenceColumns(p.Preferences, new(Partition, p.Id)
    {
        ["FirstName"] = p.FirstName,
        ["LastName"] = p.LastName,
        ["Email"] = p.Email,
        ["StructureName"] = p.StructureName,
        ["StructureKind"] = p.StructureKind,
        ["Department"] = p.Department,
        ["Roles"] = Json.List(p.Roles),
    }));

    private static TableEntity WithPreferenceColumns(AlertPreferences preferences, TableEntity e)
    {
        e["PrefThemes"] = Json.List(preferences.Themes);
        e["PrefDepartments"] = Json.List(preferences.Departments);
        e["PrefStructureKinds"] = Json.List(preferences.StructureKinds);
        e["AlertsEnabled"] = preferences.AlertsEnabled;
        e["PrefChannels"] = Json.List(preferences.Channels);
        e["PrefDigest"] = preferences.DigestEnabled;
        e["PrefReminders"] = preferences.RemindersEnabled;
        e["PrefReminderOffsets"] = System.Text.Json.JsonSerializer.Serialize(preferences.ReminderOffsets);
        return e;
    }

    private static Person FromEntity(TableEntity e) => WithMemberFields(e, new()
    {
        Id = e.RowKey,
        FirstName = e.GetString("FirstName"),
        LastName = e.GetString("LastName"),
        Email = e.GetString("Email"),
        StructureName = e.GetString("StructureName"),
        StructureKind = e.GetString("StructureKind"),
        Department = e.GetString("Department"),
        Roles = Json.List(e.GetString("Roles")),
        Preferences = new AlertPreferences
        {
            Themes = Json.List(e.GetString("PrefThemes")),
            Departments = Json.List(e.GetString("PrefDepartments")),
            StructureKinds = Json.List(e.GetString("PrefStructureKinds")),
            AlertsEnabled = e.GetBoolean("AlertsEnabled") ?? true,
            // Rows written before these columns existed keep the defaults (email, digest and reminders on).
            Channels = e.GetString("PrefChannels") is { } channels ? Json.List(channels) : ["email"],
            DigestEnabled = e.GetBoolean("PrefDigest") ?? true,
            RemindersEnabled = e.GetBoolean("PrefReminders") ?? true,
            ReminderOffsets = e.GetString("PrefReminderOffsets") is { Length: > 0 } offsets
                ? System.Text.Json.JsonSerializer.Deserialize<int[]>(offsets) ?? [14, 7, 2]
                : [14, 7, 2],
        },
    });
}
