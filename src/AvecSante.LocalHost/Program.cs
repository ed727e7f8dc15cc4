using AvecSante.Api.Composition;
using AvecSante.Api.Http;
using AvecSante.Api.Samples;
using AvecSante.LocalHost.Hosting;

// The local host: binds the shared handlers and jobs to ASP.NET Core, as the Functions host binds them in Azure.
RegexDefaults.Apply();
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddLocalSettings(builder.Environment.ContentRootPath);
if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
{
    builder.WebHost.UseUrls("http://localhost:7071");
}

builder.Services.AddAvecSante(builder.Configuration);
builder.Services.AddFunctionKeys();
builder.Services.AddFunctionSchedules();
builder.Services.AddFunctionQueues();
builder.Services.AddDevelopmentStaffSignIn();
builder.Services.AddProblemDetails();
// The demo's invented coordinators: only this host can load them.
builder.Services.AddSingleton<SamplePeopleSeeder>();

var app = builder.Build();
app.UseStatusCodePages();
app.UseMiddleware<RedactedRequestLogging>();
if (app.Configuration.GetValue<bool>(StorageCallsHeader.Setting))
{
    app.UseMiddleware<StorageCallsHeader>();
}
app.MapFunctionCatalog();

// Start first: settings are validated then, and a bad one stops the host with its name.
await app.StartAsync();

// Demo: load invented coordinators when a sample file is named (./run.sh does).
if (app.Configuration["Demo:PeopleFile"] is { Length: > 0 } peopleFile)
{
    await app.Services.GetRequiredService<SamplePeopleSeeder>().SeedAsync(peopleFile, app.Lifetime.ApplicationStopping);
}

await app.WaitForShutdownAsync();

/// <summary>Visible to the HTTP tests (WebApplicationFactory).</summary>
public partial class Program;
