using System.Text.Json;
using Cartesia.Emulator.Catalog;
using Cartesia.Emulator.Protocol;

namespace Cartesia.Emulator.Voices;

/// <summary>Writes voices in the shape of the request's API version (2026-08-14: access, visibility, tagline, accent).</summary>
internal static class VoiceJson
{
    public static void Write(Utf8JsonWriter w, VoiceRecord voice, string? version, string? previewBaseUrl = null)
    {
        bool current = IsCurrent(version);
        w.WriteStartObject();
        w.WriteString("id", voice.Id);
        w.WriteBoolean("is_owner", voice.IsOwner);
        if (current)
        {
            w.WriteString("access", voice.IsPublic ? "public" : "private");
            w.WriteString("visibility", voice.IsPublic ? "all" : "owner");
        }
        else
        {
            w.WriteBoolean("is_public", voice.IsPublic);
        }

        w.WriteString("name", voice.Name);
        if (current)
        {
            w.WriteString("tagline", voice.Tagline);
        }

        w.WriteString("description", voice.Description);
        w.StringOrNull("gender", voice.Gender);
        if (current && voice.Accent is not null)
        {
            w.WriteString("accent", voice.Accent);
        }

        w.Time("created_at", voice.CreatedAt);
        w.WriteString("language", voice.Language);
        w.WriteStartArray("locales");
        for (int i = 0; i < voice.Locales.Count; i++)
        {
            w.WriteStartObject();
            w.WriteString("locale", voice.Locales[i]);
            w.WriteBoolean("is_native", i == 0);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (voice.Country is not null)
        {
            w.WriteString("country", voice.Country);
        }

        if (previewBaseUrl is not null)
        {
            w.WriteString("preview_file_url", $"{previewBaseUrl}voices/{Uri.EscapeDataString(voice.Id)}/preview");
        }

        w.WriteEndObject();
    }

    /// <summary>Writes the metadata clone and localize answer with.</summary>
    public static void WriteMetadata(Utf8JsonWriter w, VoiceRecord voice, string? version)
    {
        bool current = IsCurrent(version);
        w.WriteStartObject();
        w.WriteString("id", voice.Id);
        w.WriteString("user_id", voice.UserId ?? EmulatorState.UserId);
        if (current)
        {
            w.WriteString("access", voice.IsPublic ? "public" : "private");
            w.WriteString("visibility", voice.IsPublic ? "all" : "owner");
        }
        else
        {
            w.WriteBoolean("is_public", voice.IsPublic);
        }

        w.WriteString("name", voice.Name);
        if (current)
        {
            w.WriteString("tagline", voice.Tagline);
        }

        w.WriteString("description", voice.Description);
        w.Time("created_at", voice.CreatedAt);
        w.WriteString("language", voice.Language);
        w.WriteEndObject();
    }

    public static void WriteAccent(Utf8JsonWriter w, AccentRecord accent)
    {
        w.WriteStartObject();
        w.WriteString("id", accent.Id);
        w.WriteString("name", accent.Name);
        w.WriteString("language", accent.Language);
        w.WriteString("locale", accent.Locale);
        w.WriteBoolean("is_locale_default", accent.IsLocaleDefault);
        w.WriteBoolean("is_localizable", accent.IsLocalizable);
        w.WriteEndObject();
    }

    /// <summary>Whether the version has the 2026-08-14 voice shape.</summary>
    public static bool IsCurrent(string? version) => version is not null && ApiVersions.UsesPlainVoiceId(version);
}
