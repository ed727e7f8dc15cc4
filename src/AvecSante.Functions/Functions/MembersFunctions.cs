using AvecSante.Api.Members;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's member-file functions and delegates; the parity test keeps it so.</summary>
public sealed class MembersFunctions(MembersHandlers members, MemberFilesHandlers files, PersonalDataHandlers personalData, RenewalRemindersHandlers renewal)
{
    [Function("ListMemberStructures")]
    public Task<IResult> ListMemberStructures([HttpTrigger(AuthorizationLevel.Function, "get", Route = "members/structures")] HttpRequest req, CancellationToken cancellationToken) => members.ListStructuresAsync(req, cancellationToken);

    [Function("CreateMemberStructure")]
    public Task<IResult> CreateMemberStructure([HttpTrigger(AuthorizationLevel.Function, "post", Route = "members/structures")] HttpRequest req, CancellationToken cancellationToken) => members.CreateStructureAsync(req, cancellationToken);

    [Function("GetMemberStructure")]
    public Task<IResult> GetMemberStructure([HttpTrigger(AuthorizationLevel.Function, "get", Route = "members/structures/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => members.GetStructureAsync(req, id, cancellationToken);

    [Function("UpdateMemberStructure")]
    public Task<IResult> UpdateMemberStructure([HttpTrigger(AuthorizationLevel.Function, "put", Route = "members/structures/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => members.UpdateStructureAsync(req, id, cancellationToken);

    [Function("RecordCotisation")]
    public Task<IResult> RecordCotisation([HttpTrigger(AuthorizationLevel.Function, "post", Route = "members/structures/{id}/cotisations")] HttpRequest req, string id, CancellationToken cancellationToken) => members.RecordCotisationAsync(req, id, cancellationToken);

    [Function("ListMemberPeople")]
    public Task<IResult> ListMemberPeople([HttpTrigger(AuthorizationLevel.Function, "get", Route = "members/people")] HttpRequest req, CancellationToken cancellationToken) => members.ListPeopleAsync(req, cancellationToken);

    [Function("CreateMemberPerson")]
    public Task<IResult> CreateMemberPerson([HttpTrigger(AuthorizationLevel.Function, "post", Route = "members/people")] HttpRequest req, CancellationToken cancellationToken) => members.CreatePersonAsync(req, cancellationToken);

    [Function("GetMemberPerson")]
    public Task<IResult> GetMemberPerson([HttpTrigger(AuthorizationLevel.Function, "get", Route = "members/people/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => members.GetPersonAsync(req, id, cancellationToken);

    [Function("UpdateMemberPerson")]
    public Task<IResult> UpdateMemberPerson([HttpTrigger(AuthorizationLevel.Function, "put", Route = "members/people/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => members.UpdatePersonAsync(req, id, cancellationToken);

    [Function("ExportPersonData")]
    public Task<IResult> ExportPersonData([HttpTrigger(AuthorizationLevel.Function, "get", Route = "members/people/{id}/export")] HttpRequest req, string id, CancellationToken cancellationToken) => personalData.ExportPersonAsync(req, id, cancellationToken);

    [Function("EraseByEmail")]
    public Task<IResult> EraseByEmail([HttpTrigger(AuthorizationLevel.Function, "post", Route = "members/erasures")] HttpRequest req, CancellationToken cancellationToken) => personalData.EraseByEmailAsync(req, cancellationToken);

    [Function("ErasePerson")]
    public Task<IResult> ErasePerson([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "members/people/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => personalData.ErasePersonAsync(req, id, cancellationToken);

    [Function("PurgeMemberDataNow")]
    public Task<IResult> PurgeMemberDataNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "members/purge")] HttpRequest req, CancellationToken cancellationToken) => personalData.PurgeAsync(req, cancellationToken);

    [Function("SendRenewalRemindersNow")]
    public Task<IResult> SendRenewalRemindersNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "members/renewal-reminders")] HttpRequest req, CancellationToken cancellationToken) => renewal.RunAsync(req, cancellationToken);

    [Function("ImportMembers")]
    public Task<IResult> ImportMembers([HttpTrigger(AuthorizationLevel.Function, "post", Route = "members/import")] HttpRequest req, CancellationToken cancellationToken) => files.ImportAsync(req, cancellationToken);

    [Function("ExportMembers")]
    public Task<IResult> ExportMembers([HttpTrigger(AuthorizationLevel.Function, "get", Route = "members/export")] HttpRequest req, CancellationToken cancellationToken) => files.ExportAsync(req, cancellationToken);

    [Function("ListMemberAudit")]
    public Task<IResult> ListMemberAudit([HttpTrigger(AuthorizationLevel.Function, "get", Route = "members/audit")] HttpRequest req, CancellationToken cancellationToken) => members.ListAuditAsync(req, cancellationToken);
}
