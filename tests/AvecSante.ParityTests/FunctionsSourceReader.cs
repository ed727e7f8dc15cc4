using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AvecSante.ParityTests;

/// <summary>A C# file of the Functions project: its path relative to that project, and its text.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>A parameter of a [Function] method, its type as written with qualifiers dropped ("HttpRequest", "string").</summary>
public sealed record FunctionParameter(string Name, string Type);

/// <summary>What an HttpTrigger attribute says, as written.</summary>
public sealed record HttpBinding(string AuthorizationLevel, IReadOnlyList<string> Methods, string? Route);

/// <summary>What a QueueTrigger attribute says, as written: the queue (a %setting%) and its Connection.</summary>
public sealed record QueueTriggerBinding(string? QueueName, string? Connection);

/// <summary>An argument of the delegating call: its text, and whether it is a bare identifier.</summary>
public sealed record DelegatedArgument(string Text, bool IsIdentifier);

/// <summary>The one call a [Function] body makes: receiver.Method(arguments), with the receiver's declared type.</summary>
public sealed record Delegation(string Receiver, string ReceiverType, string Method, IReadOnlyList<DelegatedArgument> Arguments);

/// <summary>
/// A [Function] method as the Functions project declares it. Problems are what could not be read as the expected shape
/// (a non-literal name, a trigger argument that is not a literal, a body that is not a single delegating call).
/// </summary>
public sealed record DeclaredFunction(
    string Name,
    string Location,
    bool IsPublicInstance,
    string ReturnType,
    IReadOnlyList<FunctionParameter> Parameters,
    HttpBinding? Http,
    string? TimerSchedule,
    Delegation? Delegation,
    IReadOnlyList<string> Problems,
    QueueTriggerBinding? Queue = null);

/// <summary>Everything the parity check needs from the Functions project's source.</summary>
public sealed record FunctionsSource(IReadOnlyList<DeclaredFunction> Functions, bool HasProgram, IReadOnlySet<string> ProgramInvocations);

/// <summary>
/// Reads src/AvecSante.Functions with Roslyn syntax only (what a body says is not in the SDK's metadata); names are
/// matched as written, which the one-line house style makes unambiguous.
/// </summary>
public static class FunctionsSourceReader
{
    public const string ProjectPath = "src/AvecSante.Functions";

    /// <summary>The repository root: the first folder above the test binaries holding AvecSante.Functions.sln.</summary>
    public static string FindRepositoryRoot() => AvecSante.Tests.Shared.RepositoryRoot.Path;

    /// <summary>Every .cs file of the Functions project, build output excluded.</summary>
    public static IReadOnlyList<SourceFile> LoadFiles(string repositoryRoot)
    {
        var project = Path.Combine(repositoryRoot, ProjectPath);
        if (!Directory.Exists(project))
        {
            throw new DirectoryNotFoundException($"{ProjectPath} does not exist under {repositoryRoot}.");
        }
        return Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(project, path).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(segment => segment is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(relative => new SourceFile(relative, File.ReadAllText(Path.Combine(project, relative))))
            .ToList();
    }

    public static FunctionsSource Read(IEnumerable<SourceFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var functions = new List<DeclaredFunction>();
        var hasProgram = false;
        var programInvocations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var root = CSharpSyntaxTree.ParseText(file.Text, path: file.Path).GetCompilationUnitRoot();
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (FindAttribute(method.AttributeLists, "Function") is { } attribute)
                {
                    functions.Add(ReadFunction(file, method, attribute));
                }
            }
            if (Path.GetFileName(file.Path) == "Program.cs")
            {
                hasProgram = true;
                foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    programInvocations.Add(InvokedName(invocation.Expression));
                }
            }
        }
        return new FunctionsSource(functions, hasProgram, programInvocations);
    }

    private static DeclaredFunction ReadFunction(SourceFile file, MethodDeclarationSyntax method, AttributeSyntax functionAttribute)
    {
        var problems = new List<string>();
        var location = $"{file.Path}:{method.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";

        var name = FirstPositional(functionAttribute) is { } nameExpression && StringLiteral(nameExpression) is { } literal
            ? literal
            : $"<unreadable name at {location}>";
        if (name.StartsWith('<'))
        {
            problems.Add("the [Function] name is not a string literal");
        }

        var parameters = method.ParameterList.Parameters
            .Select(p => new FunctionParameter(p.Identifier.ValueText, p.Type is null ? "?" : TypeName(p.Type)))
            .ToList();

        HttpBinding? http = null;
        string? timerSchedule = null;
        QueueTriggerBinding? queue = null;
        foreach (var parameter in method.ParameterList.Parameters)
        {
            if (FindAttribute(parameter.AttributeLists, "HttpTrigger") is { } httpTrigger)
            {
                http = ReadHttpTrigger(httpTrigger, problems);
            }
            if (FindAttribute(parameter.AttributeLists, "TimerTrigger") is { } timerTrigger)
            {
                timerSchedule = FirstPositional(timerTrigger) is { } schedule ? StringLiteral(schedule) : null;
                if (timerSchedule is null)
                {
                    problems.Add("the TimerTrigger schedule is not a string literal");
                }
            }
            if (FindAttribute(parameter.AttributeLists, "QueueTrigger") is { } queueTrigger)
            {
                queue = ReadQueueTrigger(queueTrigger, problems);
            }
        }

        var isPublicInstance = method.Modifiers.Any(SyntaxKind.PublicKeyword) && !method.Modifiers.Any(SyntaxKind.StaticKeyword);
        var delegation = ReadDelegation(method, parameters, problems);
        return new DeclaredFunction(name, location, isPublicInstance, TypeName(method.ReturnType), parameters, http, timerSchedule, delegation, problems, queue);
    }

    private static QueueTriggerBinding ReadQueueTrigger(AttributeSyntax attribute, List<string> problems)
    {
        var queueName = FirstPositional(attribute) is { } expression ? StringLiteral(expression) : null;
        if (queueName is null)
        {
            problems.Add("the QueueTrigger queue name is not a string literal");
        }
        var connection = attribute.ArgumentList?.Arguments
            .Where(a => a.NameEquals?.Name.Identifier.ValueText == "Connection")
            .Select(a => StringLiteral(a.Expression))
            .FirstOrDefault();
        return new QueueTriggerBinding(queueName, connection);
    }

    private static HttpBinding ReadHttpTrigger(AttributeSyntax attribute, List<string> problems)
    {
        var level = "?";
        var methods = new List<string>();
        string? route = null;
        var positional = 0;
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is { } named)
            {
                if (named.Name.Identifier.ValueText == "Route")
                {
                    route = StringLiteral(argument.Expression);
                    if (route is null)
                    {
                        problems.Add("the HttpTrigger Route is not a string literal");
                    }
                }
                continue;
            }
            if (positional++ == 0)
            {
                // AuthorizationLevel.Function, possibly qualified: the member name is the level.
                level = argument.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : argument.Expression.ToString();
                continue;
            }
            if (StringLiteral(argument.Expression) is { } httpMethod)
            {
                methods.Add(httpMethod);
            }
            else
            {
                problems.Add($"the HttpTrigger method `{argument.Expression}` is not a string literal");
            }
        }
        return new HttpBinding(level, methods, route);
    }

    /// <summary>The body must be `receiver.Method(args)`, as an expression body or a single return statement.</summary>
    private static Delegation? ReadDelegation(MethodDeclarationSyntax method, List<FunctionParameter> parameters, List<string> problems)
    {
        ExpressionSyntax? expression = method.ExpressionBody?.Expression;
        if (expression is null && method.Body is { } body)
        {
            if (body.Statements is [ReturnStatementSyntax { Expression: { } returned }])
            {
                expression = returned;
            }
            else
            {
                problems.Add($"the body has {body.Statements.Count} statement(s) instead of one delegating call");
                return null;
            }
        }
        if (expression is not InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax receiver } access,
            } invocation)
        {
            problems.Add($"the body `{expression}` is not a single call on an injected handler");
            return null;
        }

        var receiverName = receiver.Identifier.ValueText;
        if (parameters.Any(p => p.Name == receiverName))
        {
            problems.Add($"the receiver `{receiverName}` is a parameter of the function, not the injected handler");
            return null;
        }
        var receiverType = InjectedType(method, receiverName);
        if (receiverType is null)
        {
            problems.Add($"the receiver `{receiverName}` is neither a primary-constructor parameter nor a field of the class");
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments
            .Select(a => new DelegatedArgument(
                a.ToString(),
                a is { NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None, Expression: IdentifierNameSyntax }))
            .ToList();
        return new Delegation(receiverName, receiverType, access.Name.Identifier.ValueText, arguments);
    }

    /// <summary>The declared type of a primary-constructor parameter or field of the method's class, or null.</summary>
    private static string? InjectedType(MethodDeclarationSyntax method, string name)
    {
        if (method.Parent is not TypeDeclarationSyntax type)
        {
            return null;
        }
        if (type.ParameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { Type: { } parameterType })
        {
            return TypeName(parameterType);
        }
        return type.Members.OfType<FieldDeclarationSyntax>()
            .Where(f => f.Declaration.Variables.Any(v => v.Identifier.ValueText == name))
            .Select(f => TypeName(f.Declaration.Type))
            .FirstOrDefault();
    }

    private static AttributeSyntax? FindAttribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).FirstOrDefault(a =>
        {
            var written = RightmostName(a.Name);
            return written == name || written == name + "Attribute";
        });

    private static ExpressionSyntax? FirstPositional(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.Expression;

    private static string? StringLiteral(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : null;

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => RightmostName(qualified.Right),
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static string InvokedName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => expression.ToString(),
    };

    /// <summary>A type as written, qualifiers dropped: "Task&lt;IResult&gt;", "string", "CancellationToken".</summary>
    public static string TypeName(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
        NullableTypeSyntax nullable => TypeName(nullable.ElementType) + "?",
        QualifiedNameSyntax qualified => TypeName(qualified.Right),
        AliasQualifiedNameSyntax alias => TypeName(alias.Name),
        GenericNameSyntax generic => $"{generic.Identifier.ValueText}<{string.Join(", ", generic.TypeArgumentList.Arguments.Select(TypeName))}>",
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => type.ToString(),
    };
}
