using System.Globalization;
using AvecSante.Infrastructure.Storage;

namespace AvecSante.LocalHost.Hosting;

/// <summary>
/// A diagnostic of this host only, off unless "Diagnostics:StorageCallsHeader" is true: each answer carries the number
/// of storage requests its handler made, so the webhook benchmark counts storage calls per acknowledged delivery.
/// </summary>
public sealed class StorageCallsHeader(RequestDelegate next)
{
    public const string Setting = "Diagnostics:StorageCallsHeader";
    public const string Header = "X-AvecSante-Storage-Calls";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var counter = StorageCalls.Begin();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = counter.Count.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    }
}
