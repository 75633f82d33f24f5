using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cartesia.Tests.Contract;

/// <summary>
/// Checks JSON against an OpenAPI 3.0 schema, strictly: besides types, required fields, enums, formats and
/// patterns, a property the schema does not declare is an error (the document never says
/// <c>additionalProperties: false</c>, but a field nobody declared is exactly the drift this check is for).
/// </summary>
internal sealed class SchemaValidator(OpenApiDocument document)
{
    public List<string> Validate(JsonElement value, JsonNode schema, string path)
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    /// <summary>Checks a text value (a query parameter or a multipart field) against a scalar schema.</summary>
    public List<string> ValidateText(string text, JsonNode schema, string path)
    {
        JsonObject s = document.Resolve(schema);
        string? type = s["type"]?.ToString();
        if (type == "array" && s["items"] is JsonNode items)
        {
            // A multipart array is sent as a repeated field (`name[]=a`, `name[]=b`): each part is one item.
            return ValidateText(text, items, path + "[]");
        }

        JsonElement value = type switch
        {
            "integer" or "number" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? JsonElement.Parse(text) : JsonElement.Parse(JsonSerializer.Serialize(text)),
            "boolean" => text is "true" or "false" ? JsonElement.Parse(text) : JsonElement.Parse(JsonSerializer.Serialize(text)),
            _ => JsonElement.Parse(JsonSerializer.Serialize(text)),
        };
        return Validate(value, s, path);
    }

    private void Check(JsonElement value, JsonNode schemaNode, string path, List<string> errors)
    {
        JsonObject schema = document.Resolve(schemaNode);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!OpenApiDocument.IsTrue(schema["nullable"]) && schema["type"] is not null)
            {
                errors.Add($"{path}: null, but the schema is not nullable");
            }

            return;
        }

        if (schema["oneOf"] is JsonArray alternatives)
        {
            var first = new List<string>();
            foreach (JsonNode? alternative in alternatives)
            {
                var attempt = new List<string>();
                Check(value, alternative!, path, attempt);
                if (attempt.Count == 0)
                {
                    return;
                }

                if (first.Count == 0)
                {
                    first = attempt;
                }
            }

            errors.Add($"{path}: matches none of {alternatives.Count} oneOf alternatives (first: {string.Join("; ", first.Take(3))})");
            return;
        }

        string? type = schema["type"]?.ToString();
        switch (type)
        {
            case "object":
                CheckObject(value, schema, path, errors);
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    errors.Add($"{path}: expected an array, found {value.ValueKind}");
                    return;
                }

                int i = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Check(item, schema["items"]!, $"{path}[{i++}]", errors);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected a string, found {value.ValueKind}");
                    return;
                }

                string text = value.GetString()!;
                if (schema["format"]?.ToString() == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
                {
                    errors.Add($"{path}: '{text}' is not a date-time");
                }

                if (schema["pattern"] is JsonNode pattern && !Regex.IsMatch(text, pattern.ToString()))
                {
                    errors.Add($"{path}: '{text}' does not match {pattern}");
                }

                CheckEnum(text, schema, path, errors);
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    errors.Add($"{path}: expected an integer, found {value}");
                    return;
                }

                CheckEnum(value.GetRawText(), schema, path, errors);
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected a number, found {value.ValueKind}");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a boolean, found {value.ValueKind}");
                    return;
                }

                CheckEnum(value.GetRawText(), schema, path, errors);
                break;
            default:
                if (schema["properties"] is not null)
                {
                    CheckObject(value, schema, path, errors);
                }

                break; // no type: any JSON
        }
    }

    private void CheckObject(JsonElement value, JsonObject schema, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object, found {value.ValueKind}");
            return;
        }

        JsonObject properties = schema["properties"]?.AsObject() ?? [];
        JsonNode? additional = schema["additionalProperties"];
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (properties[property.Name] is JsonNode propertySchema)
            {
                Check(property.Value, propertySchema, $"{path}.{property.Name}", errors);
            }
            else if (additional is JsonObject additionalSchema)
            {
                Check(property.Value, additionalSchema, $"{path}.{property.Name}", errors);
            }
            else if (!OpenApiDocument.IsTrue(additional))
            {
                errors.Add($"{path}.{property.Name}: not declared by the schema");
            }
        }

        foreach (JsonNode? required in schema["required"]?.AsArray() ?? [])
        {
            if (!value.TryGetProperty(required!.ToString(), out _))
            {
                errors.Add($"{path}.{required}: required but missing");
            }
        }
    }

    private static void CheckEnum(string text, JsonObject schema, string path, List<string> errors)
    {
        if (schema["enum"] is JsonArray values && !values.Any(v => v?.ToString() == text))
        {
            errors.Add($"{path}: '{text}' is not one of [{string.Join(", ", values)}]");
        }
    }
}
