using AvecSante.Api.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds the console's member file pages (structures, cotisations, people, GDPR) and delegates; the parity test keeps it so.</summary>
public sealed class ConsoleMemberFileFunctions(ConsoleMemberFileHandlers structures, ConsolePeopleHandlers people)
{
    [Function("ConsoleStructures")]
    public Task<IResult> ConsoleStructures([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/adherents")] HttpRequest req, CancellationToken cancellationToken) => structures.ListStructuresAsync(req, cancellationToken);

    [Function("ConsoleStructure")]
    public Task<IResult> ConsoleStructure([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/adherents/structures/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => structures.ShowStructureAsync(req, id, cancellationToken);

    [Function("ConsoleUpdateStructure")]
    public Task<IResult> ConsoleUpdateStructure([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/adherents/structures/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => structures.UpdateStructureAsync(req, id, cancellationToken);

    [Function("ConsoleRecordCotisation")]
    public Task<IResult> ConsoleRecordCotisation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/adherents/structures/{id}/cotisations")] HttpRequest req, string id, CancellationToken cancellationToken) => structures.RecordCotisationAsync(req, id, cancellationToken);

    [Function("ConsoleExportMembers")]
    public Task<IResult> ConsoleExportMembers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/adherents/export/{format}")] HttpRequest req, string format, CancellationToken cancellationToken) => structures.ExportAsync(req, format, cancellationToken);

    [Function("ConsolePeople")]
    public Task<IResult> ConsolePeople([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/adherents/personnes")] HttpRequest req, CancellationToken cancellationToken) => people.ListAsync(req, cancellationToken);

    [Function("ConsolePerson")]
    public Task<IResult> ConsolePerson([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/adherents/personnes/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => people.ShowAsync(req, id, cancellationToken);

    [Function("ConsoleUpdatePerson")]
    public Task<IResult> ConsoleUpdatePerson([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/adherents/personnes/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => people.UpdateAsync(req, id, cancellationToken);

    [Function("ConsolePersonData")]
    public Task<IResult> ConsolePersonData([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/adherents/personnes/{id}/donnees")] HttpRequest req, string id, CancellationToken cancellationToken) => people.ExportAsync(req, id, cancellationToken);

    [Function("ConsoleConfirmErasure")]
    public Task<IResult> ConsoleConfirmErasure([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/adherents/personnes/{id}/effacement")] HttpRequest req, string id, CancellationToken cancellationToken) => people.ConfirmEraseAsync(req, id, cancellationToken);

    [Function("ConsoleErasePerson")]
    public Task<IResult> ConsoleErasePerson([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/adherents/personnes/{id}/effacement")] HttpRequest req, string id, CancellationToken cancellationToken) => people.EraseAsync(req, id, cancellationToken);
}
