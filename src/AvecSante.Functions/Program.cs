using AvecSante.Api.Composition;
using AvecSante.Functions;
using Microsoft.Extensions.Hosting;

// The production host: the composition lives in WorkerHost so the tests build exactly this host without starting it.
RegexDefaults.Apply();
await WorkerHost.CreateBuilder(args).Build().RunAsync();
