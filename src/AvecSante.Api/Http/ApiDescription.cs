using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Patterns;

namespace AvecSante.Api.Http;

/// <summary>
/// The HTTP API described from FunctionCatalog, so every catalogue route appears once and no other: OpenAPI 3.0 for
/// tools, and Swagger 2.0, the only version a Power Automate custom connector imports. Shapes are the handlers':
/// JSON in and out, multipart uploads, CSV imports, files and pages out, errors as RFC 9457 problems.
/// </summary>
public static class ApiDescription
{
    public const string Title = "AVECsanté Bretagne — back-office";
    public const string KeyHeader = "x-functions-key";

    /// <summary>Every catalogue route once, its methods written by the format's own operation writer.</summary>
    private static JsonObject Paths(Func<ApiOperation, JsonObject> operation)
    {
        var paths = new JsonObject();
        foreach (var group in FunctionCatalog.Http.GroupBy(f => f.Route, StringComparer.Ordinal))
        {
            var item = new JsonObject();
            foreach (var function in group)
            {
                foreach (var method in function.Methods)
                {
                    item[method.ToLowerInvariant()] = operation(ApiOperations.Describe(function, method));
                }
            }
            paths["/" + group.Key] = item;
        }
        return paths;
    }

    /// <summary>OpenAPI 3.0.3, with the API root (…/api) as its server.</summary>
    public static JsonObject OpenApi3(Uri apiRoot)
    {
        ArgumentNullException.ThrowIfNull(apiRoot);
        var paths = Paths(Operation3);
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = Info(),
            ["servers"] = new JsonArray(new JsonObject { ["url"] = apiRoot.ToString().TrimEnd('/') }),
            ["security"] = new JsonArray(new JsonObject { ["functionKey"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["functionKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = KeyHeader, ["description"] = "Clé de fonction (portail Azure, « Clés d'application »)." },
                },
                ["schemas"] = ApiSchemas.All(),
            },
        };
    }

    /// <summary>Swagger 2.0 of the same operations, for a Power Automate custom connector.</summary>
    public static JsonObject Swagger2(Uri apiRoot)
    {
        ArgumentNullException.ThrowIfNull(apiRoot);
        var definitions = ApiSchemas.All();
        var paths = Paths(operation => Operation2(operation, definitions));
        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = Info(),
            ["host"] = apiRoot.Authority,
            ["basePath"] = apiRoot.AbsolutePath.TrimEnd('/'),
            ["schemes"] = new JsonArray(apiRoot.Scheme),
            ["securityDefinitions"] = new JsonObject
            {
                ["functionKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = KeyHeader },
            },
            ["security"] = new JsonArray(new JsonObject { ["functionKey"] = new JsonArray() }),
            ["paths"] = paths,
            ["definitions"] = Retarget(definitions),
        };
    }

    private static JsonObject Info() => new()
    {
        ["title"] = Title,
        ["version"] = "1.0",
        ["description"] = "Appels à projets, alertes, adhésions, billetterie, capitalisation et rapport d'activité. Les erreurs sont des problèmes RFC 9457 (application/problem+json) au titre en français.",
        ["license"] = new JsonObject { ["name"] = "Propriétaire", ["url"] = "https://example.org/licence" },
    };

    /// <summary>What both formats open an operation with: its id, summary and tag, and no key when it is anonymous.</summary>
    private static JsonObject Head(ApiOperation operation)
    {
        var result = new JsonObject
        {
            ["operationId"] = operation.Id,
            ["summary"] = operation.Summary,
            ["tags"] = new JsonArray(operation.Tag),
        };
        if (operation.Anonymous)
        {
            result["security"] = new JsonArray();
        }
        return result;
    }

    private static JsonObject Operation3(ApiOperation operation)
    {
        var result = Head(operation);
        if (operation.RouteValues.Count > 0)
        {
            result["parameters"] = new JsonArray(operation.RouteValues
                .Select(name => (JsonNode)new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } })
                .ToArray());
        }
        if (operation.Request is { } request)
        {
            var content = new JsonObject();
            foreach (var (mediaType, schema) in request)
            {
                content[mediaType] = new JsonObject { ["schema"] = schema.DeepClone() };
            }
            result["requestBody"] = new JsonObject { ["required"] = true, ["content"] = content };
        }
        var responses = new JsonObject();
        foreach (var response in operation.Responses)
        {
            var entry = new JsonObject { ["description"] = response.Description };
            if (response.MediaType is { } mediaType)
            {
                entry["content"] = new JsonObject { [mediaType] = new JsonObject { ["schema"] = response.Schema!.DeepClone() } };
            }
            responses[response.Status] = entry;
        }
        result["responses"] = responses;
        return result;
    }

    /// <param name="definitions">The document's schemas, where a multipart body's parts are looked up.</param>
    private static JsonObject Operation2(ApiOperation operation, JsonObject definitions)
    {
        var parameters = new JsonArray(operation.RouteValues
            .Select(name => (JsonNode)new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["type"] = "string" })
            .ToArray());
        var consumes = new JsonArray();
        if (operation.Request is { } request)
        {
            var (mediaType, schema) = request[0];
            consumes.Add(mediaType);
            if (mediaType == "multipart/form-data")
            {
                // Swagger 2.0 has no multipart schema: each part of the form becomes a formData parameter.
                var form = schema["$ref"] is { } reference ? definitions[reference.GetValue<string>().Split('/')[^1]]! : schema;
                foreach (var (name, property) in form["properties"]!.AsObject())
                {
                    parameters.Add(new JsonObject { ["name"] = name, ["in"] = "formData", ["required"] = true, ["type"] = property!["format"]?.GetValue<string>() == "binary" ? "file" : "string" });
                }
            }
            else
            {
                parameters.Add(new JsonObject { ["name"] = "body", ["in"] = "body", ["required"] = true, ["schema"] = Retarget(schema) });
            }
        }
        var responses = new JsonObject();
        var produces = new JsonArray();
        foreach (var response in operation.Responses)
        {
            var entry = new JsonObject { ["description"] = response.Description };
            if (response.MediaType is { } mediaType)
            {
                entry["schema"] = Retarget(response.Schema!);
                if (!produces.Any(p => p!.GetValue<string>() == mediaType))
                {
                    produces.Add(mediaType);
                }
            }
            responses[response.Status] = entry;
        }
        var result = Head(operation);
        result["consumes"] = consumes;
        result["produces"] = produces;
        result["parameters"] = parameters;
        result["responses"] = responses;
        return result;
    }

    /// <summary>A schema with its references moved from components/schemas (3.0) to definitions (2.0).</summary>
    private static JsonNode Retarget(JsonNode schema) =>
        JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal))!;

    /// <summary>Names of a route's values ("documents/{id}/content" → id), as the hosts bind them.</summary>
    public static IReadOnlyList<string> RouteValues(string route) =>
        RoutePatternFactory.Parse(route).Parameters.Select(p => p.Name).ToList();
}
