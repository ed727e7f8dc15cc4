using AvecSante.Core.Calls;
using Azure.Data.Tables;

namespace AvecSante.Infrastructure.Calls;

/// <summary>
/// The listed columns of every call, kept in memory and brought up to date on each read by the rows the table changed
/// since (their server <c>Timestamp</c>): a list of thousands then costs one query that returns only what changed, and
/// still shows a call published or corrected a moment ago, whichever instance wrote it. Calls are never deleted.
/// "Since" is the storage's own clock (the answer's Date), so that rows already seen are not read again and again.
/// </summary>
internal sealed class TableCallListings
{
    /// <summary>Rows stamped this long before the last refresh are read again: a write in flight may carry an earlier stamp.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;
    private Dictionary<string, CallForProjects>? _rows;
    private DateTimeOffset _seenUntil;

    /// <summary>Every call's listed columns as the table holds them now (a filled-in call never written back).</summary>
    public Task<IReadOnlyCollection<CallForProjects>> ReadAsync(TableClient table, string partition, IReadOnlyList<string> columns, Func<TableEntity, CallForProjects> read, CancellationToken cancellationToken)
    {
        Task<IReadOnlyCollection<CallForProjects>> mine;
        lock (_gate)
        {
            mine = RefreshAfterAsync(_tail, table, partition, columns, read);
            _tail = mine;
        }
        return mine.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// One refresh at a time, each after the one before (whatever became of it), so that a view sees every write that
    /// finished before it began. Not bound to one view's cancellation: the next view builds on it.
    /// </summary>
    private async Task<IReadOnlyCollection<CallForProjects>> RefreshAfterAsync(Task previous, TableClient table, string partition, IReadOnlyList<string> columns, Func<TableEntity, CallForProjects> read)
    {
        await Task.WhenAny(previous).ConfigureAwait(false);
        var filter = _rows is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Timestamp ge {_seenUntil - Overlap}");
        Dictionary<string, CallForProjects>? next = null;
        var seenUntil = _seenUntil;
        var firstPage = true;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, select: [.. columns, "Timestamp"], cancellationToken: CancellationToken.None).AsPages().ConfigureAwait(false))
        {
            // Every write the storage had finished when it answered the first page is in this query.
            if (firstPage && page.GetRawResponse().Headers.Date is { } answeredAt && answeredAt > seenUntil)
            {
                seenUntil = answeredAt;
            }
            firstPage = false;
            foreach (var entity in page.Values)
            {
                // Copied on the first change only: the collection a view was given is never changed under it.
                next ??= _rows is null ? new(StringComparer.Ordinal) : new(_rows, StringComparer.Ordinal);
                next[entity.RowKey] = read(entity);
                if (entity.Timestamp is { } stamp && stamp > seenUntil)
                {
                    seenUntil = stamp;
                }
            }
        }
        _rows = next ?? _rows ?? new(StringComparer.Ordinal);
        _seenUntil = seenUntil;
        return _rows.Values;
    }
}
