using AvecSante.Functions;
using Microsoft.Extensions.Hosting;

// The production host: the composition lives in WorkerHost so the tests build exactly this host without starting it.
await WorkerHost.CreateBuilder(args).Build().RunAsync();
