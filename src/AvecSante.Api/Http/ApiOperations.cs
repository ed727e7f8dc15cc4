using System.Text.Json.Nodes;

namespace AvecSante.Api.Http;

/// <summary>One response of an operation: status, French description, media type and schema (none for an empty body).</summary>
public sealed record ApiResponse(string Status, string Description, string? MediaType = null, JsonNode? Schema = null);

/// <summary>One method of one catalogue route, as the API description tells it.</summary>
public sealed record ApiOperation(
    string Id,
    string Summary,
    string Tag,
    bool Anonymous,
    IReadOnlyList<string> RouteValues,
    IReadOnlyList<(string MediaType, JsonNode Schema)>? Request,
    IReadOnlyList<ApiResponse> Responses);

/// <summary>
/// What each catalogue function takes and answers, read from its name, method and route; a function missing from the
/// summaries below is still described (its name as summary), so a new route never drops out of the description.
/// </summary>
public static class ApiOperations
{
    private const string Json = "application/json";
    private const string ProblemJson = "application/problem+json";

    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["Health"] = "État du service et du stockage",
        ["SubmitCall"] = "Déposer un appel à projets",
        ["PreviewCall"] = "Prévisualiser un appel (rien n'est enregistré)",
        ["IngestCallsNow"] = "Lire toutes les sources d'appels maintenant",
        ["ListCallSources"] = "État des sources d'appels",
        ["ListCalls"] = "Lister les appels à projets",
        ["GetCall"] = "Lire un appel à projets",
        ["ReviewCall"] = "Confirmer ou corriger un appel « à vérifier »",
        ["CorrectCall"] = "Corriger un appel publié (les alertes « appel modifié » suivent)",
        ["CancelCall"] = "Annuler un appel publié (les alertes « appel annulé » suivent)",
        ["ReinstateCall"] = "Rétablir un appel annulé (les alertes « appel rouvert » suivent)",
        ["ListNotifications"] = "Lister les envois (boîte d'envoi)",
        ["DispatchNotificationsNow"] = "Envoyer maintenant ce qui est dû",
        ["RetryNotification"] = "Réessayer un envoi en échec",
        ["PlanRemindersNow"] = "Planifier les rappels du jour",
        ["PlanDigestNow"] = "Planifier le récapitulatif de la semaine",
        ["ShowPreferences"] = "Page des préférences d'alerte",
        ["SavePreferences"] = "Enregistrer des préférences d'alerte",
        ["Unsubscribe"] = "Se désabonner en un clic",
        ["UploadDocument"] = "Déposer un document",
        ["ListDocuments"] = "Chercher des documents",
        ["GetDocument"] = "Lire la description d'un document",
        ["DownloadDocument"] = "Télécharger un document",
        ["AddDocumentVersion"] = "Déposer une nouvelle version",
        ["DeleteDocument"] = "Mettre un document à la corbeille",
        ["RestoreDocument"] = "Restaurer un document",
        ["CreateEvent"] = "Créer un événement",
        ["ListEvents"] = "Lister les événements",
        ["GetEvent"] = "Lire un événement",
        ["ListEventRegistrations"] = "Lister les inscriptions d'un événement",
        ["ImportEventAttendance"] = "Importer les présences d'un événement",
        ["ReceiveHelloAssoNotification"] = "Notification HelloAsso (billetterie)",
        ["ReceiveTicketingWebhook"] = "Formulaire de billetterie signé",
        ["ListMemberStructures"] = "Lister les structures adhérentes",
        ["CreateMemberStructure"] = "Créer une structure",
        ["GetMemberStructure"] = "Lire une structure",
        ["UpdateMemberStructure"] = "Modifier une structure",
        ["RecordCotisation"] = "Enregistrer une cotisation",
        ["ListMemberPeople"] = "Lister les personnes",
        ["CreateMemberPerson"] = "Créer une personne",
        ["GetMemberPerson"] = "Lire une personne",
        ["UpdateMemberPerson"] = "Modifier une personne",
        ["ExportPersonData"] = "Exporter les données d'une personne (RGPD)",
        ["ErasePerson"] = "Effacer une personne (RGPD)",
        ["PurgeMemberDataNow"] = "Purger les données échues maintenant",
        ["SendRenewalRemindersNow"] = "Planifier les relances de cotisation",
        ["ImportMembers"] = "Importer le fichier des adhérents (CSV)",
        ["ExportMembers"] = "Exporter le fichier des adhérents (CSV ou XLSX)",
        ["ListMemberAudit"] = "Journal des modifications du fichier",
        ["CompileAnnualReportNow"] = "Compiler le rapport d'activité d'une année",
        ["GetAnnualReport"] = "État du rapport d'activité d'une année",
        ["DownloadAnnualReport"] = "Télécharger le rapport (docx, xlsx ou json)",
        ["GetApiDescription"] = "Cette description de l'API",
    };

    /// <summary>Functions whose body is a multipart upload, a CSV file, a form or any text, rather than JSON.</summary>
    private static readonly Dictionary<string, (string MediaType, JsonNode Schema)[]> Bodies = new(StringComparer.Ordinal)
    {
        ["UploadDocument"] = [("multipart/form-data", ApiSchemas.Ref("Upload"))],
        ["AddDocumentVersion"] = [("multipart/form-data", ApiSchemas.Ref("FilePart"))],
        ["ImportMembers"] = [("text/csv", new JsonObject { ["type"] = "string" }), ("multipart/form-data", ApiSchemas.Ref("FilePart"))],
        ["ImportEventAttendance"] = [("text/csv", new JsonObject { ["type"] = "string" }), ("multipart/form-data", ApiSchemas.Ref("FilePart"))],
        ["SavePreferences"] = [("application/x-www-form-urlencoded", new JsonObject { ["type"] = "object" })],
        ["PreviewCall"] = [(Json, ApiSchemas.Ref("Record")), ("text/plain", new JsonObject { ["type"] = "string" })],
    };

    /// <summary>Actions that take no body (run now, restore, compile).</summary>
    private static readonly HashSet<string> NoBody = new(StringComparer.Ordinal)
    {
        "IngestCallsNow", "DispatchNotificationsNow", "RetryNotification", "PlanRemindersNow", "PlanDigestNow", "Unsubscribe", "RestoreDocument",
        "PurgeMemberDataNow", "SendRenewalRemindersNow", "CompileAnnualReportNow",
    };

    /// <summary>Answers that are a file or a page rather than JSON.</summary>
    private static readonly Dictionary<string, (string MediaType, string Schema)> Outputs = new(StringComparer.Ordinal)
    {
        ["Health"] = (Json, "Health"),
        ["ShowPreferences"] = ("text/html", "Page"),
        ["SavePreferences"] = ("text/html", "Page"),
        ["DownloadDocument"] = ("application/octet-stream", "File"),
        ["DownloadAnnualReport"] = ("application/octet-stream", "File"),
        ["ExportMembers"] = ("application/octet-stream", "File"),
    };

    private static readonly HashSet<string> LimitedBodies = new(StringComparer.Ordinal)
    {
        "UploadDocument", "AddDocumentVersion", "ImportMembers", "ReceiveHelloAssoNotification", "ReceiveTicketingWebhook",
    };

    public static ApiOperation Describe(HttpFunction function, string method)
    {
        ArgumentNullException.ThrowIfNull(function);
        var anonymous = function.Access == FunctionAccess.Anonymous;
        var routeValues = ApiDescription.RouteValues(function.Route);
        var request = RequestOf(function.Name, method);
        var responses = new List<ApiResponse> { Success(function.Name, method) };
        if (method == "POST" && function.Name is "SubmitCall" or "UploadDocument" or "CreateEvent" or "CreateMemberStructure" or "CreateMemberPerson" or "RecordCotisation")
        {
            responses.Add(new ApiResponse("201", "Créé.", Json, ApiSchemas.Ref("Record")));
        }
        if (function.Name == "CompileAnnualReportNow")
        {
            responses.Add(new ApiResponse("202", "Compilation en file d'attente (ou déjà en cours) : Location donne l'état à suivre.", Json, ApiSchemas.Ref("Record")));
            responses.Add(Problem("503", "Stockage indisponible : la compilation n'a pas été demandée."));
        }
        responses.Add(Problem("400", "Requête incorrecte (le problème dit quel paramètre et pourquoi)."));
        if (!anonymous)
        {
            responses.Add(Problem("401", "Clé de fonction manquante ou invalide."));
        }
        if (routeValues.Count > 0)
        {
            responses.Add(Problem("404", "Introuvable."));
        }
        if (request is not null)
        {
            responses.Add(Problem("415", "Type de contenu non accepté."));
            responses.Add(Problem("422", "Champs manquants ou incorrects (errors les nomme)."));
        }
        if (LimitedBodies.Contains(function.Name))
        {
            responses.Add(Problem("413", "Corps trop volumineux (limite réglée par l'application)."));
        }
        var summary = Summaries.TryGetValue(function.Name, out var known) ? known : function.Name;
        var tag = function.Route.Split('/')[0];
        return new ApiOperation(function.Name, summary, tag, anonymous, routeValues, request, responses);
    }

    private static (string MediaType, JsonNode Schema)[]? RequestOf(string name, string method)
    {
        if (Bodies.TryGetValue(name, out var body))
        {
            return body;
        }
        return method is "POST" or "PUT" && !NoBody.Contains(name) ? [(Json, ApiSchemas.Ref("Record"))] : null;
    }

    private static ApiResponse Success(string name, string method)
    {
        if (Outputs.TryGetValue(name, out var output))
        {
            return new ApiResponse("200", "Réussi.", output.MediaType, ApiSchemas.Ref(output.Schema));
        }
        var list = method == "GET" && name.StartsWith("List", StringComparison.Ordinal);
        return new ApiResponse("200", "Réussi.", Json, ApiSchemas.Ref(list ? "RecordList" : "Record"));
    }

    private static ApiResponse Problem(string status, string description) => new(status, description, ProblemJson, ApiSchemas.Ref("Problem"));
}
