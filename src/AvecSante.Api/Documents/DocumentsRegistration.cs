using AvecSante.Api.Jobs;
using AvecSante.Core.Documents;
using AvecSante.Infrastructure.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvecSante.Api.Documents;

/// <summary>
/// The capitalisation library: records and index in Tables, files in Blobs (ADR 0005), downloads streamed (ADR 0004).
/// Called once from AddAvecSante.
/// </summary>
public static class DocumentsRegistration
{
    public static void AddDocuments(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentsOptions>().Bind(configuration.GetSection(DocumentsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentsOptions>, DocumentsOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DocumentsOptions>>().Value.ToRules());
        services.AddSingleton<IDocumentRepository, TableDocumentRepository>();
        services.AddSingleton<IDocumentContentStore, BlobDocumentContentStore>();
        services.AddSingleton<DocumentLibrary>();
        services.AddSingleton<IExperienceSheetFinder, ExperienceSheetFinder>();
        services.AddSingleton<DocumentsHandlers>();
        services.AddSingleton<PurgeDeletedDocumentsJob>();
    }
}
