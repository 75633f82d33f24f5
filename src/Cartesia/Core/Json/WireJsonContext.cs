using System.Text.Json.Serialization;
using Cartesia.Agents;
using Cartesia.Catalog;
using Cartesia.Voices;

namespace Cartesia.Core.Json;

/// <summary>
/// Source-generated JSON metadata of the SDK's internal wire shapes: envelopes the public API unwraps
/// (<c>{"accents": [...]}</c>, …) and small request bodies the SDK builds itself.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AccentCatalog))]
[JsonSerializable(typeof(VoiceAccentsRequest))]
[JsonSerializable(typeof(AgentList))]
[JsonSerializable(typeof(AgentSessionToken))]
[JsonSerializable(typeof(AgentTemplateList))]
[JsonSerializable(typeof(ModelCatalogBody))]
[JsonSerializable(typeof(LocaleCatalogBody))]
internal sealed partial class WireJsonContext : JsonSerializerContext
{
}
