using System.Net.Http.Headers;
using System.Text;
using Cartesia.Emulator.Journal;

namespace Cartesia.Tests.Emulator;

/// <summary>Issue 16: the journal's multipart parsing is ASP.NET Core's, and reads what .NET's client writes.</summary>
public class MultipartParserTests
{
    [Fact]
    public async Task Reads_text_fields_and_files_as_the_client_wrote_them()
    {
        using var form = new MultipartFormDataContent("b-boundary");
        form.Add(new StringContent("ink-whisper"), "model");
        var file = new ByteArrayContent([1, 2, 3, 0, 255]);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("audio/L16; rate=16000");
        form.Add(file, "file", "say hi.raw");
        byte[] body = await form.ReadAsByteArrayAsync();

        List<EmulatorFormPart>? parts = MultipartParser.Parse(form.Headers.ContentType!.ToString(), body);

        Assert.NotNull(parts);
        Assert.Equal(["model", "file"], parts.Select(p => p.Name));
        Assert.Equal("ink-whisper", parts[0].Text);
        Assert.False(parts[0].IsFile);
        Assert.Equal("say hi.raw", parts[1].FileName);
        Assert.Equal([1, 2, 3, 0, 255], parts[1].Content);
        Assert.Equal("16000", MultipartParser.Parameter(parts[1].ContentType!, "rate"));
    }

    [Fact]
    public void A_body_that_is_not_multipart_has_no_parts()
    {
        Assert.Null(MultipartParser.Parse("application/json", Encoding.UTF8.GetBytes("{}")));
        Assert.Null(MultipartParser.Parse("multipart/form-data", []));
        Assert.Null(MultipartParser.Parse(null, []));
    }

    [Fact]
    public void A_body_cut_short_is_a_format_error()
    {
        byte[] body = Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nink-whis");

        Assert.Throws<FormatException>(() => MultipartParser.Parse("multipart/form-data; boundary=xyz", body));
    }

    [Fact]
    public void Reads_media_type_parameters()
    {
        Assert.Equal("8000", MultipartParser.Parameter("audio/PCMU;rate=8000", "rate"));
        Assert.Equal("8000", MultipartParser.Parameter("audio/PCMU; RATE=\"8000\"", "rate"));
        Assert.Null(MultipartParser.Parameter("audio/PCMU", "rate"));
    }
}
