using AvecSante.Core.Alerts;

namespace AvecSante.Core.Members;

/// <summary>The outbox as a holder of personal data: what was sent to a person, and its erasure (counts stay).</summary>
public sealed class OutboxPersonalData(IOutboxStore outbox) : IPersonalDataHolder
{
    public string Section => "outbox";

    public async Task<object?> ExportAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var messages = await outbox.ListForRecipientAsync(person.Id, cancellationToken).ConfigureAwait(false);
        return messages.Select(m => new
        {
            m.Id,
            m.Kind,
            m.Subject,
            Status = m.Status.ToString().ToLowerInvariant(),
            To = m.Email.ToAddress,
            EmailSubject = m.Email.Subject,
            m.CreatedAt,
            m.SentAt,
        }).ToList();
    }

    public Task<int> EraseAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return outbox.ErasePersonalDataAsync(person.Id, [person.Email, .. person.OtherEmails], cancellationToken);
    }
}
