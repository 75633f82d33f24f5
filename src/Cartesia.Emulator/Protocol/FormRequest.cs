using Cartesia.Emulator.Uploads;

namespace Cartesia.Emulator.Protocol;

/// <summary>A <c>multipart/form-data</c> request body, as the emulator streamed it (file parts in temporary files).</summary>
internal sealed class FormRequest
{
    private readonly IReadOnlyList<UploadedPart> _parts;

    private FormRequest(IReadOnlyList<UploadedPart> parts) => _parts = parts;

    public static FormRequest Read(ApiContext api)
    {
        if (api.Form is not { } form)
        {
            string? contentType = api.Journal.Header("Content-Type");
            throw ApiError.Invalid($"This endpoint takes multipart/form-data, not {contentType ?? "an empty body"}.");
        }

        return form.Problem is { } problem
            ? throw ApiError.Invalid($"The multipart body is malformed: {problem}")
            : new FormRequest(form.Parts);
    }

    /// <summary>The names of every part.</summary>
    public IEnumerable<string> Names => _parts.Select(p => p.Name);

    /// <summary>A text field, or null when absent.</summary>
    public string? Text(string name)
    {
        UploadedPart? part = _parts.FirstOrDefault(p => p.Name == name);
        if (part is { IsFile: true })
        {
            throw ApiError.Invalid($"'{name}' must be a text field, not a file.");
        }

        return part?.Text;
    }

    /// <summary>A required, non-empty text field.</summary>
    public string RequiredText(string name)
        => Text(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ApiError(422, "invalid_request", "Invalid request", $"'{name}' is required.");

    /// <summary>An integer field, or null.</summary>
    public int? Integer(string name)
        => Text(name) is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : throw ApiError.Invalid($"'{name}' must be an integer; '{text}' is not.")
            : null;

    /// <summary>A file part, or null when absent.</summary>
    public UploadedPart? File(string name)
    {
        UploadedPart? part = _parts.FirstOrDefault(p => p.Name == name);
        return part is null ? null : part.IsFile ? part : throw ApiError.Invalid($"'{name}' must be a file part (with a filename).");
    }
}
