using AvecSante.Api.Space;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace AvecSante.Functions;

/// <summary>Binds FunctionCatalog's routes of the coordinators' space and delegates; the parity test keeps it so.</summary>
public sealed class SpaceFunctions(CalendarFeedHandlers calendar)
{
    [Function("SpaceCalendarFeed")]
    public Task<IResult> SpaceCalendarFeed([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "espace/agenda/{token}")] HttpRequest req, string token, CancellationToken cancellationToken) => calendar.FeedAsync(req, token, cancellationToken);
}
