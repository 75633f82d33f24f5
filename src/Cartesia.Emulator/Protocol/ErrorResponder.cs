using System.Text.Json;

namespace Cartesia.Emulator.Protocol;

/// <summary>Writes errors the way the service does: structured JSON from 2026-03-01, <c>Title: Message</c> text before.</summary>
internal static class ErrorResponder
{
    public static async Task WriteAsync(HttpContext context, ApiError error, IDictionary<string, string>? extraHeaders = null)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        ApiContext? api = ApiContext.Find(context);
        string requestId = api?.RequestId ?? Guid.NewGuid().ToString();
        context.Response.StatusCode = error.StatusCode;
        if (extraHeaders is not null)
        {
            foreach ((string name, string value) in extraHeaders)
            {
                context.Response.Headers[name] = value;
            }
        }

        if (ApiVersions.HasStructuredErrors(api?.Version))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Structured(error, requestId)).ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{error.Title}: {error.Detail}").ConfigureAwait(false);
        }
    }

    /// <summary>The structured error object (also the body of stream error events, which add their own fields).</summary>
    public static string Structured(ApiError error, string requestId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteFields(writer, error, requestId);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <c>error_code</c>, <c>title</c>, <c>message</c>, <c>request_id</c> and <c>doc_url</c>.</summary>
    public static void WriteFields(Utf8JsonWriter writer, ApiError error, string requestId)
    {
        if (error.ErrorCode is null)
        {
            writer.WriteNull("error_code");
        }
        else
        {
            writer.WriteString("error_code", error.ErrorCode);
        }

        writer.WriteString("title", error.Title);
        writer.WriteString("message", error.Detail);
        writer.WriteString("request_id", requestId);
        if (error.DocUrl is not null)
        {
            writer.WriteString("doc_url", error.DocUrl);
        }
    }
}
