using AvecSante.Api.Composition;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The production host. The ASP.NET Core integration hands the shared handlers an HttpRequest and executes their IResult,
// so the functions below stay one-line bindings; everything else comes from the composition root both hosts share.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAvecSante(builder.Configuration);
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

await builder.Build().RunAsync();
