extern alias functionsapp;
using System.Reflection;
using System.Text;
using AvecSante.Tests.Shared;
using Azure.Storage.Queues.Models;
using functionsapp::AvecSante.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AvecSante.IntegrationTests.Hosting;

/// <summary>What a function answered: status, content type and body text.</summary>
internal sealed record WorkerAnswer(int Status, string? ContentType, string Body);

/// <summary>
/// Invokes a function of the Functions app as the worker does once the host has routed a request to it: an instance
/// created from the invocation's scoped services (as the worker's function activator does), the ASP.NET Core
/// integration's HttpContext with those services, and the parameters bound by name from the SDK metadata's route.
/// </summary>
internal static class WorkerInvocation
{
    private static readonly Assembly App = typeof(WorkerHost).Assembly;

    /// <summary>The function's class and method named by its entry point in functions.metadata.</summary>
    public static (Type Class, MethodInfo Method) EntryPoint(SdkFunction function)
    {
        var split = function.EntryPoint.LastIndexOf('.');
        var type = App.GetType(function.EntryPoint[..split], throwOnError: true)!;
        var method = type.GetMethod(function.EntryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMethodException(function.EntryPoint);
        return (type, method);
    }

    public static async Task<WorkerAnswer> HttpAsync(IHost worker, SdkFunction function, string method, string pathAndQuery, HttpContent? content = null)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var uri = new Uri("http://localhost" + pathAndQuery);
        context.Request.Method = method;
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        if (content is not null)
        {
            foreach (var header in content.Headers)
            {
                context.Request.Headers[header.Key] = header.Value.ToArray();
            }
            context.Request.ContentLength = content.Headers.ContentLength;
            context.Request.Body = await content.ReadAsStreamAsync();
        }
        var body = new MemoryStream();
        context.Response.Body = body;

        // The host matches the route under /api and hands the route values over as binding data.
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(TemplateParser.Parse("api/" + function.Route), []).TryMatch(context.Request.Path, values))
        {
            throw new InvalidOperationException($"{pathAndQuery} does not match {function.Name}'s route api/{function.Route}.");
        }
        context.Request.RouteValues = values;

        var result = await InvokeAsync(scope.ServiceProvider, function, context.Request, values);
        await ((IResult)result!).ExecuteAsync(context);
        return new WorkerAnswer(context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    public static async Task TimerAsync(IHost worker, SdkFunction function)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        await InvokeAsync(scope.ServiceProvider, function, request: null, new RouteValueDictionary());
    }

    /// <summary>A queue function, handed the message as the worker's QueueTrigger binding hands it (the SDK's QueueMessage).</summary>
    public static async Task QueueAsync(IHost worker, SdkFunction function, QueueMessage message)
    {
        await using var scope = worker.Services.CreateAsyncScope();
        await InvokeAsync(scope.ServiceProvider, function, request: null, new RouteValueDictionary(), message);
    }

    private static async Task<object?> InvokeAsync(IServiceProvider services, SdkFunction function, HttpRequest? request, RouteValueDictionary routeValues, QueueMessage? message = null)
    {
        var (type, method) = EntryPoint(function);
        var instance = ActivatorUtilities.CreateInstance(services, type);
        var arguments = method.GetParameters().Select(p => Bind(function, p, request, routeValues, message)).ToArray();
        var task = (Task)method.Invoke(instance, arguments)!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    /// <summary>Binds one parameter as the worker does: the trigger's input, a route value of the same name, the token.</summary>
    private static object? Bind(SdkFunction function, ParameterInfo parameter, HttpRequest? request, RouteValueDictionary routeValues, QueueMessage? message)
    {
        if (parameter.ParameterType == typeof(QueueMessage) && message is not null)
        {
            return message;
        }
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return request;
        }
        if (parameter.ParameterType == typeof(TimerInfo))
        {
            return new TimerInfo();
        }
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return CancellationToken.None;
        }
        if (parameter.ParameterType == typeof(string) && routeValues.TryGetValue(parameter.Name!, out var value))
        {
            return value?.ToString();
        }
        throw new InvalidOperationException(
            $"{function.Name}: parameter `{parameter.ParameterType.Name} {parameter.Name}` has no binding: the route \"{function.Route}\" has no value of that name.");
    }
}
