using System.Text.Json.Nodes;

namespace AvecSante.Api.Http;

/// <summary>The shared schemas of the API description (OpenAPI 3 components; Swagger 2 definitions).</summary>
public static class ApiSchemas
{
    public static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    public static JsonObject All() => new()
    {
        ["Problem"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Problème RFC 9457 : title en français, detail pour corriger, errors par champ.",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string" },
                ["title"] = new JsonObject { ["type"] = "string" },
                ["status"] = new JsonObject { ["type"] = "integer" },
                ["detail"] = new JsonObject { ["type"] = "string" },
                ["errors"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                },
            },
            ["required"] = new JsonArray("title", "status"),
        },
        ["Health"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("ok", "degraded") },
                ["storage"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("reachable", "unreachable") },
                ["elapsedMs"] = new JsonObject { ["type"] = "integer" },
            },
        },
        ["Record"] = new JsonObject { ["type"] = "object", ["description"] = "Un enregistrement JSON (voir le README pour ses champs)." },
        ["RecordList"] = new JsonObject { ["type"] = "array", ["items"] = Ref("Record") },
        ["File"] = new JsonObject { ["type"] = "string", ["format"] = "binary" },
        ["Page"] = new JsonObject { ["type"] = "string", ["description"] = "Page HTML en français." },
        ["Upload"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["file"] = new JsonObject { ["type"] = "string", ["format"] = "binary" },
                ["metadata"] = new JsonObject { ["type"] = "string", ["description"] = "Description JSON du document (titre, thèmes, année…)." },
            },
        },
        ["FilePart"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["file"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } },
        },
    };
}
