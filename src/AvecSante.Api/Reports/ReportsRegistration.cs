using AvecSante.Core.Calls;
using AvecSante.Core.Documents;
using AvecSante.Core.Members;
using AvecSante.Core.Reports;
using AvecSante.Core.Ticketing;
using AvecSante.Infrastructure.Common;
using AvecSante.Infrastructure.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Reports;

/// <summary>The yearly activity report's services, called from AddAvecSante (the capability in one place).</summary>
public static class ReportsRegistration
{
    public static void AddReports(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReportsOptions>().Bind(configuration.GetSection(ReportsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportsOptions>, ReportsOptionsValidator>();

        services.AddSingleton<ISendLog, TableSendLog>();
        services.AddSingleton<IAnnualReportArchive, TableAnnualReportArchive>();
        services.AddSingleton<IAnnualReportRenderer, AnnualReportRenderer>();
        // Every source is optional: a capability that is not registered shows as "Aucune donnée", never as a failure.
        services.AddSingleton(sp => new ReportSources(
            sp.GetService<IStructureRepository>(),
            sp.GetService<ICotisationRepository>(),
            sp.GetService<IEventRepository>(),
            sp.GetService<ITicketStore>(),
            sp.GetService<ICallRepository>(),
            sp.GetService<ISendLog>(),
            sp.GetService<IDocumentRepository>()));
        services.AddSingleton<ReportDataReader>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ReportsOptions>>().Value;
            return new ReportSettings(sp.GetRequiredService<IOptions<FederationOptions>>().Value.Name, o.LinkBaseUrl, o.BoardAddresses(), TimeSpan.FromMinutes(o.StaleAfterMinutes));
        });
        services.AddSingleton(sp => new AnnualReportService(
            sp.GetRequiredService<ReportDataReader>(),
            sp.GetRequiredService<IAnnualReportRenderer>(),
            sp.GetRequiredService<IAnnualReportArchive>(),
            sp.GetRequiredService<AvecSante.Core.Alerts.IOutboxStore>(),
            sp.GetService<IPeopleRegister>(),
            sp.GetRequiredService<ReportSettings>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AnnualReportService>>()));
        // On-demand compilations go through the work queue (CompileQueuedAnnualReport), so a recycle loses nothing.
        services.AddSingleton<IQueuedReportCompiles, QueuedReportCompiles>();
        services.AddSingleton<AnnualReportRequests>();
        services.AddSingleton<ReportCompileHandler>();
        services.AddSingleton<ReportsHandlers>();
        services.AddSingleton<CompileAnnualReportJob>();
        services.AddSingleton<CloseOutboxMonthsJob>();
    }
}
