using System.Reflection;
using AvecSante.Api;
using AvecSante.Api.Documents;
using AvecSante.LocalHost.Hosting;

namespace AvecSante.UnitTests.Hosting;

/// <summary>The LocalHost hands route values to handlers by name: a name spelt two ways must stop it, not arrive as null.</summary>
public sealed class CatalogRoutingTests
{
    [Fact]
    public void Every_catalogue_route_value_reaches_the_handler_parameter_of_that_name()
    {
        var mismatches = FunctionCatalog.Http
            .Select(f => CatalogRouting.RouteValueMismatch(f, Handler(f)))
            .OfType<string>()
            .ToList();

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.Contains(FunctionCatalog.Http, f => f.Route.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_value_misspelt_between_catalogue_and_handler_is_reported_by_name()
    {
        var getDocument = FunctionCatalog.Http.Single(f => f.Name == "GetDocument");
        var misspelt = getDocument with { Route = "documents/{documentId}" };

        Assert.Equal(
            "GetDocument: route \"documents/{documentId}\" has values [documentId], but DocumentsHandlers.GetAsync takes [id].",
            CatalogRouting.RouteValueMismatch(misspelt, Handler(misspelt)));
        Assert.Equal(typeof(DocumentsHandlers), misspelt.Handler);
    }

    private static MethodInfo Handler(HttpFunction function) =>
        function.Handler.GetMethod(function.HandlerMethod, BindingFlags.Public | BindingFlags.Instance)!;
}
