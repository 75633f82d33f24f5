using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cartesia.Agents;
using Cartesia.Emulator;
using Cartesia.Emulator.Journal;
using Cartesia.Serialization;

namespace Cartesia.Tests.Contract;

/// <summary>
/// The SDK's REST surface against the OpenAPI document (with the 2026-08-14 differences applied): every operation
/// is covered, every request the SDK sends and every response it parses conforms, and the parsed models round-trip.
/// </summary>
public class ContractTests
{
    private static readonly JsonSerializerOptions SdkJson = CartesiaJsonContext.ForVersion(CartesiaApiVersion.Default).Options;

    [Fact]
    public void Every_operation_of_the_document_has_a_case_and_pending_ones_have_not_landed()
    {
        var document = OpenApiDocument.Load();
        var inDocument = document.Operations().Select(o => $"{o.Method} {o.Path}").Concat(ProtocolOverrides.AddedOperations.Select(o => $"{o.Method} {o.Path}")).ToHashSet();
        var covered = ContractCases.All.Select(c => c.ToString()).ToList();

        Assert.Equal(55, inDocument.Count); // the document's 50 operations, the 3 the SDK adds (PROTOCOL.md §0.3 E1, E2) and the 2 catalogues (issue 20)
        Assert.Empty(inDocument.Except(covered));
        Assert.Empty(covered.Except(inDocument));
        Assert.Equal(covered.Count, covered.Distinct().Count());
        foreach (ContractCase pending in ContractCases.All.Where(c => c.Pending is not null))
        {
            Assert.True(pending.PendingUntil!(), $"{pending} was pending ({pending.Pending}) but has landed in the SDK: fill in its case.");
        }
    }

    [Fact]
    public void Every_rest_method_of_the_sdk_is_covered_and_has_a_synchronous_twin()
    {
        var covered = ContractCases.All.SelectMany(c => c.SdkMembers).ToHashSet();
        var missing = new List<string>();
        foreach (Type type in ClientTypes(typeof(CartesiaClient), []))
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)))
            {
                string name = $"{type.Name}.{method.Name}";
                // SendAsync is the escape hatch for endpoints the SDK lacks; WebSocket sessions are not REST operations.
                if (name == "CartesiaClient.SendAsync" || method.Name.Contains("WebSocket", StringComparison.Ordinal) || method.Name.StartsWith("Connect", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!covered.Contains(name))
                {
                    missing.Add(name);
                }

                Type[] parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
                Assert.True(type.GetMethod(method.Name[..^"Async".Length], parameters) is not null, $"{name}({string.Join(", ", parameters.Select(p => p.Name))}) has no synchronous twin.");
            }
        }

        Assert.True(missing.Count == 0, "Not covered by ContractCases: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Requests_and_responses_conform_to_the_document()
    {
        var document = OpenApiDocument.Load();
        ProtocolOverrides.Apply(document);
        var validator = new SchemaValidator(document);
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { MaxRetries = 0 });
        var context = new ContractContext(emulator, client);
        var failures = new List<string>();

        foreach (ContractCase contract in ContractCases.All.Where(c => c.Pending is null))
        {
            int before = emulator.Journal.Requests.Count;
            object? result;
            try
            {
                result = await contract.Run(context);
            }
            catch (Exception ex)
            {
                failures.Add($"{contract}: the call failed: {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            Regex template = new("^" + Regex.Replace(Regex.Escape(contract.Path), @"\\\{[^}]+}", "[^/]+") + "$");
            List<EmulatorRequest> sent = emulator.Journal.Requests.Skip(before).Where(r => r.Method == contract.Method && template.IsMatch(r.Path)).ToList();
            if (sent.Count == 0)
            {
                failures.Add($"{contract}: the SDK sent no such request ({string.Join("; ", emulator.Journal.Requests.Skip(before))})");
                continue;
            }

            JsonObject operation = document.Paths[contract.Path]![contract.Method.ToLowerInvariant()]!.AsObject();
            foreach (EmulatorRequest request in sent)
            {
                EmulatorRequest done = await emulator.Journal.WaitForAsync(r => r.Sequence == request.Sequence && r.Completed, TimeSpan.FromSeconds(5));
                failures.AddRange(CheckRequest(validator, document, operation, done).Select(e => $"{contract} request: {e}"));
                failures.AddRange(CheckResponse(validator, operation, done).Select(e => $"{contract} response: {e}"));
            }

            if (result is not null)
            {
                failures.AddRange(RoundTrip(result, sent[0]).Select(e => $"{contract} round trip: {e}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static IEnumerable<string> CheckRequest(SchemaValidator validator, OpenApiDocument document, JsonObject operation, EmulatorRequest request)
    {
        var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => document.Resolve(p!)).ToList();
        JsonObject versionParameter = parameters.Single(p => p["in"]!.ToString() == "header" && p["name"]!.ToString() == "Cartesia-Version");
        foreach (string error in validator.ValidateText(request.Header("Cartesia-Version") ?? string.Empty, versionParameter["schema"]!, "header Cartesia-Version"))
        {
            yield return error;
        }

        if (request.Header("Authorization") is not { } authorization || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            yield return "no Authorization: Bearer header";
        }

        var query = request.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Name: Uri.UnescapeDataString(p[0]), Value: Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))).ToList();
        var queryParameters = parameters.Where(p => p["in"]!.ToString() == "query").ToDictionary(p => p["name"]!.ToString());
        foreach ((string name, string value) in query)
        {
            if (!queryParameters.TryGetValue(name, out JsonObject? parameter))
            {
                yield return $"query parameter '{name}' is not declared";
                continue;
            }

            JsonObject schema = document.Resolve(parameter["schema"]!);
            foreach (string error in validator.ValidateText(value, schema["type"]?.ToString() == "array" ? schema["items"]! : schema, $"query {name}"))
            {
                yield return error;
            }
        }

        foreach (JsonObject required in queryParameters.Values.Where(p => OpenApiDocument.IsTrue(p["required"])))
        {
            if (query.All(q => q.Name != required["name"]!.ToString()))
            {
                yield return $"required query parameter '{required["name"]}' is missing";
            }
        }

        JsonObject? content = operation["requestBody"]?["content"]?.AsObject();
        string contentType = request.Header("Content-Type") ?? string.Empty;
        if (content is null)
        {
            if (request.Body.Length > 0)
            {
                yield return $"a body was sent to an operation that takes none ({request.Body.Length} bytes)";
            }

            yield break;
        }

        if (content["application/json"]?["schema"] is JsonNode jsonSchema)
        {
            if (!contentType.StartsWith("application/json", StringComparison.Ordinal))
            {
                yield return $"Content-Type is '{contentType}', not application/json";
            }

            foreach (string error in validator.Validate(JsonElement.Parse(request.Body), jsonSchema, "body"))
            {
                yield return error;
            }
        }
        else if (content["multipart/form-data"]?["schema"] is JsonNode formSchema)
        {
            if (!contentType.StartsWith("multipart/form-data; boundary=", StringComparison.Ordinal))
            {
                yield return $"Content-Type is '{contentType}', not multipart/form-data with a boundary";
            }

            JsonObject form = document.Resolve(formSchema);
            JsonObject properties = form["properties"]!.AsObject();
            IReadOnlyList<EmulatorFormPart> parts = request.FormParts();
            foreach (EmulatorFormPart part in parts)
            {
                if (properties[part.Name] is not JsonNode propertyNode)
                {
                    yield return $"multipart part '{part.Name}' is not declared";
                    continue;
                }

                JsonObject property = document.Resolve(propertyNode);
                bool binary = property["format"]?.ToString() == "binary";
                if (binary != part.IsFile)
                {
                    yield return $"multipart part '{part.Name}' should be {(binary ? "a file (with a filename)" : "a text field")}";
                }
                else if (!binary)
                {
                    foreach (string error in validator.ValidateText(part.Text, property, $"part {part.Name}"))
                    {
                        yield return error;
                    }
                }
            }

            foreach (JsonNode? required in form["required"]?.AsArray() ?? [])
            {
                if (parts.All(p => p.Name != required!.ToString()))
                {
                    yield return $"required multipart part '{required}' is missing";
                }
            }
        }
    }

    private static IEnumerable<string> CheckResponse(SchemaValidator validator, JsonObject operation, EmulatorRequest request)
    {
        string status = request.StatusCode.ToString(CultureInfo.InvariantCulture);
        if (operation["responses"]?[status] is not JsonObject response)
        {
            yield return $"status {status} is not a response the document declares ({string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))})";
            yield break;
        }

        string type = request.ResponseContentType ?? string.Empty;
        if (response["content"] is not JsonObject content)
        {
            if (request.ResponseBody.Length > 0)
            {
                yield return $"status {status} should have no body, but {request.ResponseBody.Length} bytes came";
            }

            yield break;
        }

        (string media, JsonNode? mediaNode) = content.First();
        JsonNode? schema = mediaNode?["schema"];
        switch (media)
        {
            case "application/json":
                if (!type.StartsWith("application/json", StringComparison.Ordinal))
                {
                    yield return $"Content-Type is '{type}', not application/json";
                }

                foreach (string error in validator.Validate(JsonElement.Parse(request.ResponseBody), schema!, "body"))
                {
                    yield return error;
                }

                break;
            case "text/event-stream":
                if (!type.StartsWith("text/event-stream", StringComparison.Ordinal))
                {
                    yield return $"Content-Type is '{type}', not text/event-stream";
                }

                int events = 0;
                foreach (string frame in request.ResponseText.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
                {
                    string data = string.Join('\n', frame.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].TrimStart()));
                    foreach (string error in validator.Validate(JsonElement.Parse(data), schema!, $"event {events++}"))
                    {
                        yield return error;
                    }
                }

                if (events == 0)
                {
                    yield return "the event stream held no events";
                }

                break;
            case "text/csv":
                if (!type.StartsWith("text/csv", StringComparison.Ordinal))
                {
                    yield return $"Content-Type is '{type}', not text/csv";
                }

                break;
            default:
                // Audio: the document says audio/wav; the container follows the request (PROTOCOL.md §8).
                if (!type.StartsWith("audio/", StringComparison.Ordinal) && type != "application/octet-stream")
                {
                    yield return $"Content-Type is '{type}', not audio";
                }

                if (request.ResponseBody.Length == 0)
                {
                    yield return "the audio body is empty";
                }

                break;
        }
    }

    private static IEnumerable<string> RoundTrip(object result, EmulatorRequest request)
    {
        if (result is MetricResultsExport export)
        {
            if (export.Csv != request.ResponseText)
            {
                yield return "the CSV text differs from the body";
            }

            yield break;
        }

        JsonElement raw = JsonElement.Parse(request.ResponseBody);
        JsonElement mine;
        if (result is IEnumerable list and not CartesiaModel)
        {
            Type item = result.GetType().GetGenericArguments()[0];
            var array = new JsonArray();
            foreach (object? value in list)
            {
                array.Add(JsonSerializer.SerializeToNode(value, SdkJson.GetTypeInfo(item)));
            }

            mine = JsonElement.Parse(array.ToJsonString());
            if (raw.ValueKind == JsonValueKind.Object && raw.EnumerateObject().Count() == 1)
            {
                raw = raw.EnumerateObject().Single().Value; // {"accents": [...]}, {"summaries": [...]}, {"templates": [...]}
            }
        }
        else
        {
            mine = JsonSerializer.SerializeToElement(result, SdkJson.GetTypeInfo(result.GetType()));
        }

        foreach (string error in Differences(raw, mine, "$"))
        {
            yield return error;
        }

        foreach (string error in Unmodelled(result, "$", 0))
        {
            yield return error;
        }
    }

    /// <summary>Where two JSON values differ, treating null like absent and equal instants as equal.</summary>
    private static IEnumerable<string> Differences(JsonElement raw, JsonElement mine, string path)
    {
        if (raw.ValueKind != mine.ValueKind)
        {
            bool numbers = raw.ValueKind == JsonValueKind.Number && mine.ValueKind == JsonValueKind.Number;
            if (!numbers)
            {
                yield return $"{path}: the service sent {raw.ValueKind}, the SDK gives back {mine.ValueKind}";
                yield break;
            }
        }

        switch (raw.ValueKind)
        {
            case JsonValueKind.Object:
                var names = raw.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name)
                    .Union(mine.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name));
                foreach (string name in names)
                {
                    bool inRaw = raw.TryGetProperty(name, out JsonElement r) && r.ValueKind != JsonValueKind.Null;
                    bool inMine = mine.TryGetProperty(name, out JsonElement m) && m.ValueKind != JsonValueKind.Null;
                    if (inRaw != inMine)
                    {
                        yield return $"{path}.{name}: {(inRaw ? "dropped by the SDK" : "added by the SDK")}";
                        continue;
                    }

                    foreach (string error in Differences(r, m, $"{path}.{name}"))
                    {
                        yield return error;
                    }
                }

                break;
            case JsonValueKind.Array:
                if (raw.GetArrayLength() != mine.GetArrayLength())
                {
                    yield return $"{path}: {raw.GetArrayLength()} items sent, {mine.GetArrayLength()} given back";
                    yield break;
                }

                for (int i = 0; i < raw.GetArrayLength(); i++)
                {
                    foreach (string error in Differences(raw[i], mine[i], $"{path}[{i}]"))
                    {
                        yield return error;
                    }
                }

                break;
            case JsonValueKind.String:
                string a = raw.GetString()!, b = mine.GetString()!;
                bool sameInstant = a.Contains('T', StringComparison.Ordinal)
                    && DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset x)
                    && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset y) && x == y;
                // The journal keeps a minted access token as "[redacted]" (docs/security.md); the SDK got the real one.
                bool redactedToken = a == "[redacted]" && b.StartsWith("eyJ", StringComparison.Ordinal);
                if (a != b && !sameInstant && !redactedToken)
                {
                    yield return $"{path}: '{a}' sent, '{b}' given back";
                }

                break;
            case JsonValueKind.Number:
                if (raw.GetDouble() != mine.GetDouble())
                {
                    yield return $"{path}: {raw} sent, {mine} given back";
                }

                break;
            default:
                if (raw.GetRawText() != mine.GetRawText())
                {
                    yield return $"{path}: {raw} sent, {mine} given back";
                }

                break;
        }
    }

    /// <summary>Fields the SDK kept only in AdditionalProperties: the emulator sends only documented fields, so every one must be modelled.</summary>
    private static IEnumerable<string> Unmodelled(object? value, string path, int depth)
    {
        if (value is null || depth > 8 || value.GetType().Namespace?.StartsWith("Cartesia", StringComparison.Ordinal) != true || value is CartesiaResponseInfo)
        {
            yield break;
        }

        if (value is CartesiaModel { AdditionalProperties: { Count: > 0 } extra })
        {
            yield return $"{path}: not modelled: {string.Join(", ", extra.Keys)}";
        }

        foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name is "Response" or "AdditionalProperties")
            {
                continue;
            }

            object? child = property.GetValue(value);
            if (child is IEnumerable items and not string)
            {
                int i = 0;
                foreach (object? item in items)
                {
                    foreach (string error in Unmodelled(item, $"{path}.{property.Name}[{i++}]", depth + 1))
                    {
                        yield return error;
                    }
                }
            }
            else
            {
                foreach (string error in Unmodelled(child, $"{path}.{property.Name}", depth + 1))
                {
                    yield return error;
                }
            }
        }

        if (value is IEnumerable list and not string and not CartesiaModel)
        {
            int i = 0;
            foreach (object? item in list)
            {
                foreach (string error in Unmodelled(item, $"{path}[{i++}]", depth + 1))
                {
                    yield return error;
                }
            }
        }
    }

    /// <summary>CartesiaClient and every sub-client reachable through its properties.</summary>
    private static HashSet<Type> ClientTypes(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return seen;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal) && property.PropertyType.Namespace?.StartsWith("Cartesia", StringComparison.Ordinal) == true)
            {
                ClientTypes(property.PropertyType, seen);
            }
        }

        return seen;
    }
}
