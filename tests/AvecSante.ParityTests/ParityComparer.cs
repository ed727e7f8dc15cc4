using System.Reflection;
using AvecSante.Api;
using AvecSante.Api.Http;
using AvecSante.Api.Jobs;

namespace AvecSante.ParityTests;

/// <summary>
/// Compares what the Functions project declares with FunctionCatalog (what the LocalHost serves). Each mismatch is one
/// sentence that starts with the function's name, so a failing test says what to fix and where.
/// </summary>
public static class ParityComparer
{
    public static IReadOnlyList<string> Compare(FunctionsSource source) =>
        CompareFunctions(source, FunctionCatalog.Http, FunctionCatalog.Timers);

    public static IReadOnlyList<string> CompareFunctions(FunctionsSource source, IReadOnlyList<HttpFunction> http, IReadOnlyList<TimerFunction> timers) =>
        CompareFunctions(source, http, timers, FunctionCatalog.Queues);

    public static IReadOnlyList<string> CompareFunctions(FunctionsSource source, IReadOnlyList<HttpFunction> http, IReadOnlyList<TimerFunction> timers, IReadOnlyList<QueueFunction> queues)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(queues);
        var mismatches = new List<string>();
        var declared = source.Functions.ToLookup(f => f.Name, StringComparer.Ordinal);
        var catalogued = http.Select(f => f.Name).Concat(timers.Select(t => t.Name)).Concat(queues.Select(q => q.Name)).ToHashSet(StringComparer.Ordinal);

        foreach (var group in declared)
        {
            if (group.Count() > 1)
            {
                mismatches.Add($"{group.Key}: declared {group.Count()} times ({string.Join(", ", group.Select(f => f.Location))}).");
            }
            if (!catalogued.Contains(group.Key))
            {
                mismatches.Add($"{group.Key}: [Function] at {group.First().Location} is not in FunctionCatalog.");
            }
        }

        foreach (var expected in http)
        {
            if (Single(declared, expected.Name, mismatches) is { } function)
            {
                CompareHttp(expected, function, mismatches);
            }
        }
        foreach (var expected in timers)
        {
            if (Single(declared, expected.Name, mismatches) is { } function)
            {
                CompareTimer(expected, function, mismatches);
            }
        }
        foreach (var expected in queues)
        {
            if (Single(declared, expected.Name, mismatches) is { } function)
            {
                CompareQueue(expected, function, mismatches);
            }
        }
        return mismatches;
    }

    private static DeclaredFunction? Single(ILookup<string, DeclaredFunction> declared, string name, List<string> mismatches)
    {
        if (!declared.Contains(name))
        {
            mismatches.Add($"{name}: in FunctionCatalog but no [Function(\"{name}\")] method in {FunctionsSourceReader.ProjectPath}.");
            return null;
        }
        return declared[name].First();
    }

    private static void CompareHttp(HttpFunction expected, DeclaredFunction function, List<string> mismatches)
    {
        var name = expected.Name;
        if (function.Http is not { } binding)
        {
            mismatches.Add($"{name}: an HTTP function in FunctionCatalog, but {function.Location} has no HttpTrigger parameter.");
            CompareBody(name, function, expected.Handler, expected.HandlerMethod, mismatches);
            return;
        }
        if (!string.Equals(binding.Route, expected.Route, StringComparison.Ordinal))
        {
            var actual = binding.Route is null ? "no Route" : $"route \"{binding.Route}\"";
            mismatches.Add($"{name}: {actual} at {function.Location}, but FunctionCatalog has route \"{expected.Route}\".");
        }
        var methods = binding.Methods.Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!methods.SetEquals(expected.Methods.Select(m => m.ToUpperInvariant())))
        {
            mismatches.Add($"{name}: HTTP methods [{string.Join(", ", binding.Methods)}] at {function.Location}, but FunctionCatalog has [{string.Join(", ", expected.Methods)}].");
        }
        if (binding.AuthorizationLevel != expected.Access.ToString())
        {
            mismatches.Add($"{name}: AuthorizationLevel.{binding.AuthorizationLevel} at {function.Location}, but FunctionCatalog has access {expected.Access}.");
        }
        // The Functions host binds route values to parameters by name; the LocalHost does the same from the handler's names.
        foreach (var routeParameter in ApiDescription.RouteValues(expected.Route))
        {
            if (!function.Parameters.Any(p => p.Name == routeParameter && p.Type == "string"))
            {
                mismatches.Add($"{name}: route value {{{routeParameter}}} has no `string {routeParameter}` parameter at {function.Location}.");
            }
        }
        CompareBody(name, function, expected.Handler, expected.HandlerMethod, mismatches);
    }

    private static void CompareTimer(TimerFunction expected, DeclaredFunction function, List<string> mismatches)
    {
        var name = expected.Name;
        var schedule = "%" + expected.ScheduleSetting + "%";
        if (function.TimerSchedule is { } actual)
        {
            if (actual != schedule)
            {
                mismatches.Add($"{name}: TimerTrigger(\"{actual}\") at {function.Location}, but FunctionCatalog's setting needs TimerTrigger(\"{schedule}\").");
            }
        }
        else if (!function.Problems.Any(p => p.Contains("TimerTrigger", StringComparison.Ordinal)))
        {
            mismatches.Add($"{name}: a timer in FunctionCatalog, but {function.Location} has no TimerTrigger parameter.");
        }
        CompareBody(name, function, expected.Job, "RunAsync", mismatches);
    }

    private static void CompareQueue(QueueFunction expected, DeclaredFunction function, List<string> mismatches)
    {
        var name = expected.Name;
        if (function.Queue is not { } binding)
        {
            mismatches.Add($"{name}: a queue function in FunctionCatalog, but {function.Location} has no QueueTrigger parameter.");
        }
        else
        {
            var queueName = "%" + expected.QueueSetting + "%";
            if (binding.QueueName is { } actual && actual != queueName)
            {
                mismatches.Add($"{name}: QueueTrigger(\"{actual}\") at {function.Location}, but FunctionCatalog's setting needs QueueTrigger(\"{queueName}\").");
            }
            if (binding.Connection != expected.Connection)
            {
                mismatches.Add($"{name}: Connection = \"{binding.Connection}\" at {function.Location}, but FunctionCatalog has \"{expected.Connection}\".");
            }
        }
        CompareBody(name, function, expected.Handler, nameof(IQueueHandler.HandleAsync), mismatches);
    }

    /// <summary>The body only delegates: handler.Method(the function's own parameters, in the handler's order).</summary>
    private static void CompareBody(string name, DeclaredFunction function, Type handler, string handlerMethod, List<string> mismatches)
    {
        var prefix = $"{name}: at {function.Location}, ";
        foreach (var problem in function.Problems)
        {
            mismatches.Add(prefix + problem + ".");
        }
        if (!function.IsPublicInstance)
        {
            mismatches.Add(prefix + "the method must be public and not static (the worker only indexes those).");
        }
        var target = handler.GetMethod(handlerMethod, BindingFlags.Public | BindingFlags.Instance);
        if (target is null)
        {
            mismatches.Add($"{name}: FunctionCatalog names {handler.Name}.{handlerMethod}, which does not exist.");
            return;
        }
        if (function.ReturnType != FriendlyName(target.ReturnType))
        {
            mismatches.Add(prefix + $"returns {function.ReturnType}, but {handler.Name}.{handlerMethod} returns {FriendlyName(target.ReturnType)}.");
        }
        if (function.Delegation is not { } call)
        {
            return; // the reader said why, above
        }
        if (call.ReceiverType != handler.Name || call.Method != handlerMethod)
        {
            mismatches.Add(prefix + $"the body calls {call.ReceiverType}.{call.Method}, but FunctionCatalog names {handler.Name}.{handlerMethod}.");
            return;
        }
        var expected = target.GetParameters();
        if (call.Arguments.Count != expected.Length)
        {
            mismatches.Add(prefix + $"passes {call.Arguments.Count} argument(s), but {handler.Name}.{handlerMethod} takes {expected.Length}.");
            return;
        }
        for (var i = 0; i < expected.Length; i++)
        {
            var argument = call.Arguments[i];
            var parameter = argument.IsIdentifier ? function.Parameters.FirstOrDefault(p => p.Name == argument.Text) : null;
            if (parameter is null)
            {
                mismatches.Add(prefix + $"argument {i + 1} `{argument.Text}` is not one of the function's parameters: the body must pass them on, nothing else.");
                continue;
            }
            var expectedType = FriendlyName(expected[i].ParameterType);
            var wrongType = parameter.Type != expectedType;
            // Route values are strings told apart only by name, so a string must go to the handler parameter of that name.
            var wrongRouteValue = expected[i].ParameterType == typeof(string) && parameter.Name != expected[i].Name;
            if (wrongType || wrongRouteValue)
            {
                mismatches.Add(prefix + $"argument {i + 1} is `{parameter.Type} {parameter.Name}`, but {handler.Name}.{handlerMethod} expects `{expectedType} {expected[i].Name}` there.");
            }
        }
    }

    /// <summary>A reflected type named as C# source writes it without qualifiers, to compare with the syntax.</summary>
    public static string FriendlyName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return FriendlyName(underlying) + "?";
        }
        if (type.IsGenericType)
        {
            var bare = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return $"{bare}<{string.Join(", ", type.GetGenericArguments().Select(FriendlyName))}>";
        }
        return Keywords.TryGetValue(type, out var keyword) ? keyword : type.Name;
    }

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(string)] = "string",
        [typeof(int)] = "int",
        [typeof(long)] = "long",
        [typeof(bool)] = "bool",
        [typeof(object)] = "object",
        [typeof(void)] = "void",
    };
}
