using System.Text.Json;
using Cartesia.Emulator.Protocol;
using Cartesia.Emulator.Tts;

namespace Cartesia.Emulator.Generation;

/// <summary>
/// Reads <c>output_format</c> from a multipart form: the bracketed parts the SDKs send
/// (<c>output_format[container]</c>, …) or, as the OpenAPI document declares for infill, one JSON part.
/// </summary>
internal static class FormOutputFormat
{
    public static OutputSpec Read(FormRequest form, bool rawOnly)
    {
        string? container, encoding;
        int? sampleRate, bitRate;
        if (form.Text("output_format") is { } json)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(json);
                JsonElement o = document.RootElement;
                container = RequestJson.Optional(o, "container");
                encoding = RequestJson.Optional(o, "encoding");
                sampleRate = (int?)RequestJson.OptionalInteger(o, "sample_rate");
                bitRate = (int?)RequestJson.OptionalInteger(o, "bit_rate");
            }
            catch (JsonException ex)
            {
                throw ApiError.Invalid($"output_format is not valid JSON: {ex.Message}");
            }
        }
        else
        {
            container = form.Text("output_format[container]");
            encoding = form.Text("output_format[encoding]");
            sampleRate = form.Integer("output_format[sample_rate]");
            bitRate = form.Integer("output_format[bit_rate]");
        }

        if (container is not ("raw" or "wav" or "mp3"))
        {
            throw ApiError.Invalid($"output_format[container] must be raw, wav or mp3; it is '{container}'.");
        }

        if (rawOnly && container != "raw")
        {
            throw ApiError.Invalid($"Only the raw container is supported on this endpoint; '{container}' needs the bytes endpoint.");
        }

        if (sampleRate is not { } rate || !OutputSpec.SampleRates.Contains(rate))
        {
            throw ApiError.Invalid($"output_format[sample_rate] {sampleRate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"} is not supported.");
        }

        if (container == "mp3")
        {
            return bitRate is { } bits && OutputSpec.BitRates.Contains(bits)
                ? new OutputSpec(container, null, rate, bits)
                : throw ApiError.Invalid("output_format[bit_rate] is required for mp3 and must be a supported bit rate.");
        }

        return encoding is not null && OutputSpec.Encodings.Contains(encoding)
            ? new OutputSpec(container, encoding, rate, null)
            : throw ApiError.Invalid($"output_format[encoding] is required for {container} and must be one of {string.Join(", ", OutputSpec.Encodings)}.");
    }
}
