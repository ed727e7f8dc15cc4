using AvecSante.Core.Alerts;
using AvecSante.Core.Members;
using AvecSante.Core.Members.Import;
using AvecSante.Infrastructure.Alerts;
using AvecSante.Infrastructure.Members;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Members;

/// <summary>The member file's services, called once from AddAvecSante.</summary>
public static class MembersRegistration
{
    public static IServiceCollection AddMembers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MembersOptions>().Bind(configuration.GetSection(MembersOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MembersOptions>, MembersOptionsValidator>();

        // The People table serves the alert directory (IPeopleDirectory) and the member file (IPeopleRegister); the adapter is stateless.
        services.AddSingleton<IPeopleRegister, TablePeopleDirectory>();
        services.AddSingleton<IStructureRepository, TableStructureRepository>();
        services.AddSingleton<ICotisationRepository, TableCotisationRepository>();
        services.AddSingleton<IMemberAuditTrail, TableMemberAuditTrail>();
        services.AddSingleton<BlobImportArchive>();
        services.AddSingleton<IImportArchive>(sp => sp.GetRequiredService<BlobImportArchive>());

        // Holders of personal data: GDPR export and erasure ask each of them (other capabilities may add theirs).
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<BlobImportArchive>());
        services.AddSingleton<IPersonalDataHolder>(sp => new OutboxPersonalData(sp.GetRequiredService<IOutboxStore>()));
        services.AddSingleton<IPersonalDataHolder, AvecSante.Infrastructure.Alerts.LocalOutboxPersonalData>();

        services.AddSingleton(sp => new MembersService(
            sp.GetRequiredService<IStructureRepository>(),
            sp.GetRequiredService<ICotisationRepository>(),
            sp.GetRequiredService<IPeopleRegister>(),
            sp.GetRequiredService<IMemberAuditTrail>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<MembersOptions>>().Value.GraceMonths));
        services.AddSingleton<MemberImporter>();
        services.AddSingleton<PersonalDataService>();

        services.AddSingleton<MembersHandlers>();
        services.AddSingleton<MemberFilesHandlers>();
        services.AddSingleton<PersonalDataHandlers>();
        services.AddSingleton<PurgeMemberDataJob>();
        // Data kept only while it serves, each store purging its own (Retention:… days).
        services.AddOptions<AvecSante.Infrastructure.Common.RetentionOptions>().Bind(configuration.GetSection(AvecSante.Infrastructure.Common.RetentionOptions.Section));
        services.AddSingleton<IExpiringData, OutboxBodyRetention>();
        services.AddSingleton<IExpiringData, AvecSante.Infrastructure.Ticketing.RawPayloadRetention>();
        services.AddSingleton<IExpiringData, AvecSante.Infrastructure.Calls.MailboxArchiveRetention>();
        services.AddSingleton<PurgeExpiredDataJob>();

        // Renewal reminders (January, then in grace) through the outbox; IOutboxStore, IAlertStateStore and AlertRouting come from AddAlerts.
        services.AddSingleton(sp => new RenewalReminderPlanner(
            sp.GetRequiredService<IStructureRepository>(),
            sp.GetRequiredService<ICotisationRepository>(),
            sp.GetRequiredService<IPeopleRegister>(),
            sp.GetRequiredService<IOutboxStore>(),
            sp.GetRequiredService<IAlertStateStore>(),
            sp.GetRequiredService<AlertRouting>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<MembersOptions>>().Value.GraceMonths,
            sp.GetRequiredService<ILogger<RenewalReminderPlanner>>()));
        services.AddSingleton<SendRenewalRemindersJob>();
        services.AddSingleton<RenewalRemindersHandlers>();
        return services;
    }
}
