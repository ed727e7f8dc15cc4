using AvecSante.Api;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace AvecSante.ParityTests;

/// <summary>
/// What the SDK's metadata cannot show (SdkMetadataParityTests has names, routes, methods, levels and schedules): that
/// each [Function] body only delegates to the handler FunctionCatalog names, passing its own parameters in the handler's
/// order, route values by name. The second half proves the check bites: each test alters the real source one way and
/// expects exactly that finding.
/// </summary>
public sealed class FunctionsHostParityTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<SourceFile> RealFiles = FunctionsSourceReader.LoadFiles(FunctionsSourceReader.FindRepositoryRoot());

    [Fact]
    public void Every_catalogue_function_has_an_identical_twin_in_the_Functions_project()
    {
        var mismatches = ParityComparer.CompareFunctions(FunctionsSourceReader.Read(RealFiles), FunctionCatalog.Http, FunctionCatalog.Timers);

        Assert.True(mismatches.Count == 0, "The Functions project differs from FunctionCatalog:\n" + string.Join('\n', mismatches));
    }

    [Fact]
    public void The_reader_finds_every_function_with_its_trigger()
    {
        var functions = FunctionsSourceReader.Read(RealFiles).Functions;

        // Guards the check against passing vacuously (an empty read would only show up as "missing" findings).
        Assert.Equal(FunctionCatalog.Http.Count + FunctionCatalog.Timers.Count + FunctionCatalog.Queues.Count, functions.Count);
        Assert.Equal(FunctionCatalog.Http.Count, functions.Count(f => f.Http is not null));
        Assert.Equal(FunctionCatalog.Timers.Count, functions.Count(f => f.TimerSchedule is not null));
        Assert.NotEmpty(FunctionCatalog.Queues);
        Assert.Equal(FunctionCatalog.Queues.Count, functions.Count(f => f.Queue is not null));
    }

    [Fact]
    public void A_changed_route_is_reported_as_exactly_that_mismatch()
    {
        var (files, location) = Alter("Functions/CallsFunctions.cs", "Route = \"calls/{id}\"", "Route = \"call/{id}\"", "GetCall");

        var mismatches = Check(files);

        Assert.Equal([$"GetCall: route \"call/{{id}}\" at {location}, but FunctionCatalog has route \"calls/{{id}}\"."], mismatches);
    }

    [Fact]
    public void A_body_that_does_more_than_delegate_is_reported()
    {
        var (files, location) = Alter(
            "Functions/CallsFunctions.cs",
            "=> calls.GetAsync(req, id, cancellationToken);",
            "{ req.HttpContext.Response.Headers.CacheControl = \"no-store\"; return calls.GetAsync(req, id, cancellationToken); }",
            "GetCall");

        var mismatches = Check(files);

        Assert.Equal([$"GetCall: at {location}, the body has 2 statement(s) instead of one delegating call."], mismatches);
    }

    [Fact]
    public void A_missing_function_is_reported()
    {
        var files = RealFiles.Select(f => f.Path == "Functions/NotificationsFunctions.cs" ? f with { Text = RemoveFunction(f.Text, "ListNotifications") } : f).ToList();

        var mismatches = Check(files);

        Assert.Equal(["ListNotifications: in FunctionCatalog but no [Function(\"ListNotifications\")] method in src/AvecSante.Functions."], mismatches);
    }

    [Theory]
    [InlineData("Functions/CallsFunctions.cs", "GetCall", "AuthorizationLevel.Function, \"get\", Route = \"calls/{id}\"", "AuthorizationLevel.Anonymous, \"get\", Route = \"calls/{id}\"",
        "GetCall: AuthorizationLevel.Anonymous at {0}, but FunctionCatalog has access Function.")]
    [InlineData("Functions/CallsFunctions.cs", "SubmitCall", "AuthorizationLevel.Function, \"post\", Route = \"calls\"", "AuthorizationLevel.Function, \"post\", \"put\", Route = \"calls\"",
        "SubmitCall: HTTP methods [post, put] at {0}, but FunctionCatalog has [POST].")]
    [InlineData("Functions/TimerFunctions.cs", "DispatchNotifications", "%Schedules:DispatchNotifications%", "0 */5 * * * *",
        "DispatchNotifications: TimerTrigger(\"0 */5 * * * *\") at {0}, but FunctionCatalog's setting needs TimerTrigger(\"%Schedules:DispatchNotifications%\").")]
    [InlineData("Functions/QueueFunctions.cs", "ProcessTicketingDelivery", "%Queues:TicketingDeliveries%", "ticketing-deliveries",
        "ProcessTicketingDelivery: QueueTrigger(\"ticketing-deliveries\") at {0}, but FunctionCatalog's setting needs QueueTrigger(\"%Queues:TicketingDeliveries%\").")]
    [InlineData("Functions/QueueFunctions.cs", "ProcessTicketingDelivery", "Connection = \"WorkQueues\"", "Connection = \"AzureWebJobsStorage\"",
        "ProcessTicketingDelivery: Connection = \"AzureWebJobsStorage\" at {0}, but FunctionCatalog has \"WorkQueues\".")]
    [InlineData("Functions/QueueFunctions.cs", "ProcessTicketingDelivery", "=> ticketingDeliveries.HandleAsync(message, cancellationToken);", "=> Task.CompletedTask;",
        "ProcessTicketingDelivery: at {0}, the body `Task.CompletedTask` is not a single call on an injected handler.")]
    [InlineData("Functions/CallsFunctions.cs", "GetCall", "calls.GetAsync(req, id, cancellationToken)", "calls.GetAsync(req, \"latest\", cancellationToken)",
        "GetCall: at {0}, argument 2 `\"latest\"` is not one of the function's parameters: the body must pass them on, nothing else.")]
    [InlineData("Functions/CallsFunctions.cs", "GetCall", "calls.GetAsync(req, id, cancellationToken)", "calls.ListAsync(req, cancellationToken)",
        "GetCall: at {0}, the body calls CallsHandlers.ListAsync, but FunctionCatalog names CallsHandlers.GetAsync.")]
    [InlineData("Functions/TimerFunctions.cs", "DispatchNotifications", "=> dispatchNotifications.RunAsync(cancellationToken);", "=> Task.CompletedTask;",
        "DispatchNotifications: at {0}, the body `Task.CompletedTask` is not a single call on an injected handler.")]
    public void Each_kind_of_drift_is_reported_by_name(string file, string function, string original, string replacement, string expected)
    {
        var (files, location) = Alter(file, original, replacement, function);

        var mismatches = Check(files);

        Assert.Equal([string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, location)], mismatches);
    }

    private List<string> Check(IReadOnlyList<SourceFile> files)
    {
        var mismatches = ParityComparer.Compare(FunctionsSourceReader.Read(files)).ToList();
        output.WriteLine(mismatches.Count == 0 ? "(no mismatch)" : string.Join('\n', mismatches));
        return mismatches;
    }

    /// <summary>The real files with one exact text replaced, and where the altered function now is (file:line).</summary>
    private static (IReadOnlyList<SourceFile> Files, string? Location) Alter(string path, string original, string replacement, string? function)
    {
        var target = RealFiles.SingleOrDefault(f => f.Path == path) ?? throw new InvalidOperationException($"{path} is not in the Functions project.");
        // If the real source no longer holds the text, say so instead of proving nothing.
        Assert.True(target.Text.Contains(original, StringComparison.Ordinal), $"{path} no longer contains `{original}`; update this proof.");
        var altered = RealFiles.Select(f => f.Path == path ? f with { Text = f.Text.Replace(original, replacement, StringComparison.Ordinal) } : f).ToList();
        var location = function is null ? null : FunctionsSourceReader.Read(altered).Functions.Single(f => f.Name == function).Location;
        return (altered, location);
    }

    private static string RemoveFunction(string text, string name)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Single(m => m.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.ToString() == $"Function(\"{name}\")"));
        return root.RemoveNode(method, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString();
    }
}
