using System.Reflection;
using AvecSante.Api;
using AvecSante.Api.Http;

namespace AvecSante.LocalHost.Hosting;

/// <summary>Maps every HTTP function of the catalogue under /api, as the Functions host does, with the same keys.</summary>
public static class CatalogRouting
{
    public static void MapFunctionCatalog(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var function in FunctionCatalog.Http)
        {
            var method = function.Handler.GetMethod(function.HandlerMethod, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{function.Handler.Name}.{function.HandlerMethod} does not exist.");
            var routeParameters = method.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!).ToArray();
            if (RouteValueMismatch(function, method) is { } mismatch)
            {
                throw new InvalidOperationException(mismatch);
            }

            app.MapMethods("/api/" + function.Route, function.Methods, async context =>
            {
                if (function.Access == FunctionAccess.Function)
                {
                    if (context.RequestServices.GetRequiredService<FunctionKeys>().Identify(context.Request) is not { } keyName)
                    {
                        await FunctionKeys.Unauthorized().ExecuteAsync(context).ConfigureAwait(false);
                        return;
                    }
                    // Handlers record who changed what (audit trail): here the key's name, as CallerIdentity reads it.
                    context.Items[CallerIdentity.ItemKey] = keyName;
                }
                var handler = context.RequestServices.GetRequiredService(function.Handler);
                // Handler methods take (HttpRequest, route values as strings…, CancellationToken), like the Functions twins.
                var arguments = new object?[routeParameters.Length + 2];
                arguments[0] = context.Request;
                for (var i = 0; i < routeParameters.Length; i++)
                {
                    arguments[i + 1] = context.Request.RouteValues[routeParameters[i]]?.ToString();
                }
                arguments[^1] = context.RequestAborted;
                var result = await ((Task<IResult>)method.Invoke(handler, arguments)!).ConfigureAwait(false);
                await result.ExecuteAsync(context).ConfigureAwait(false);
            }).WithName(function.Name);
        }
    }

    /// <summary>
    /// Route values reach handlers by parameter name (here as in the Functions host), so a name spelt differently in
    /// the route and in the handler would arrive as null: say which, or null when they agree.
    /// </summary>
    public static string? RouteValueMismatch(HttpFunction function, MethodInfo handlerMethod)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(handlerMethod);
        var route = ApiDescription.RouteValues(function.Route);
        var parameters = handlerMethod.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!).ToList();
        return route.SequenceEqual(parameters, StringComparer.Ordinal)
            ? null
            : $"{function.Name}: route \"{function.Route}\" has values [{string.Join(", ", route)}], but {function.Handler.Name}.{function.HandlerMethod} takes [{string.Join(", ", parameters)}].";
    }
}
