using AvecSante.Api.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's console pages (Anonymous to the host: the app admits staff only) and delegates; the parity test keeps it so.</summary>
public sealed class ConsoleFunctions(ConsoleTodayHandler today, ConsoleSignInHandlers signIn, ConsoleCallsHandlers calls, ConsoleReportHandlers report, ConsoleMembersHandlers members)
{
    [Function("ConsoleToday")]
    public Task<IResult> ConsoleToday([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console")] HttpRequest req, CancellationToken cancellationToken) => today.ShowAsync(req, cancellationToken);

    [Function("ConsoleSignIn")]
    public Task<IResult> ConsoleSignIn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/connexion")] HttpRequest req, CancellationToken cancellationToken) => signIn.ShowAsync(req, cancellationToken);

    [Function("ConsoleSignInSubmit")]
    public Task<IResult> ConsoleSignInSubmit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/connexion")] HttpRequest req, CancellationToken cancellationToken) => signIn.SignInAsync(req, cancellationToken);

    [Function("ConsoleSignOut")]
    public Task<IResult> ConsoleSignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/deconnexion")] HttpRequest req, CancellationToken cancellationToken) => signIn.SignOutAsync(req, cancellationToken);

    [Function("ConsoleCalls")]
    public Task<IResult> ConsoleCalls([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/appels")] HttpRequest req, CancellationToken cancellationToken) => calls.ListAsync(req, cancellationToken);

    [Function("ConsoleCall")]
    public Task<IResult> ConsoleCall([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/appels/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) => calls.ShowAsync(req, id, cancellationToken);

    [Function("ConsoleNewCall")]
    public Task<IResult> ConsoleNewCall([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/nouvel-appel")] HttpRequest req, CancellationToken cancellationToken) => calls.NewAsync(req, cancellationToken);

    [Function("ConsolePreviewCall")]
    public Task<IResult> ConsolePreviewCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/nouvel-appel")] HttpRequest req, CancellationToken cancellationToken) => calls.PreviewAsync(req, cancellationToken);

    [Function("ConsoleReviewCall")]
    public Task<IResult> ConsoleReviewCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/appels/{id}/verification")] HttpRequest req, string id, CancellationToken cancellationToken) => calls.ReviewAsync(req, id, cancellationToken);

    [Function("ConsolePublishCall")]
    public Task<IResult> ConsolePublishCall([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/nouvel-appel/publier")] HttpRequest req, CancellationToken cancellationToken) => calls.PublishAsync(req, cancellationToken);

    [Function("ConsoleReport")]
    public Task<IResult> ConsoleReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/rapport")] HttpRequest req, CancellationToken cancellationToken) => report.ListAsync(req, cancellationToken);

    [Function("ConsoleCompileReport")]
    public Task<IResult> ConsoleCompileReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/rapport")] HttpRequest req, CancellationToken cancellationToken) => report.CompileAsync(req, cancellationToken);

    [Function("ConsoleReportYear")]
    public Task<IResult> ConsoleReportYear([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/rapport/{year}")] HttpRequest req, string year, CancellationToken cancellationToken) => report.ShowAsync(req, year, cancellationToken);

    [Function("ConsoleDownloadReport")]
    public Task<IResult> ConsoleDownloadReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/rapport/{year}/{format}")] HttpRequest req, string year, string format, CancellationToken cancellationToken) => report.DownloadAsync(req, year, format, cancellationToken);

    [Function("ConsoleMemberImportForm")]
    public Task<IResult> ConsoleMemberImportForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/adherents/import")] HttpRequest req, CancellationToken cancellationToken) => members.ImportFormAsync(req, cancellationToken);

    [Function("ConsoleMemberImport")]
    public Task<IResult> ConsoleMemberImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/adherents/import")] HttpRequest req, CancellationToken cancellationToken) => members.ImportAsync(req, cancellationToken);
}
