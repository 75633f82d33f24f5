using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts;

public class ValidationTests
{
    public static TheoryData<string, string> BadBytesRequests() => new()
    {
        { "empty transcript", "Transcript" },
        { "white space transcript", "Transcript" },
        { "no voice", "Voice" },
        { "voice with nbsp", "Voice" },
        { "model with space", "ModelId" },
        { "no output format", "OutputFormat" },
        { "sample rate 12345", "SampleRate" },
        { "raw without encoding", "Encoding" },
        { "mp3 without bit rate", "BitRate" },
        { "mp3 with encoding", "Encoding" },
        { "mp3 bit rate 100000", "BitRate" },
        { "wav with bit rate", "BitRate" },
        { "language and locale", "Locale" },
        { "bad locale", "Locale" },
        { "speed 2", "Speed" },
        { "volume 0.1", "Volume" },
        { "speed NaN", "Speed" },
        { "empty pronunciation dictionary", "PronunciationDictId" },
        { "default model", "ModelId" },
    };

    [Theory]
    [MemberData(nameof(BadBytesRequests))]
    public async Task Bad_requests_are_rejected_locally_naming_the_field_with_nothing_sent(string problem, string field)
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        TtsRequest request = Requests.Bytes();
        switch (problem)
        {
            case "empty transcript": request.Transcript = ""; break;
            case "white space transcript": request.Transcript = " \n\t "; break;
            case "no voice": request.Voice = null!; break;
            case "voice with nbsp": request.Voice = CartesiaEmulator.DefaultVoiceId + "\u00a0"; break;
            case "model with space": request.ModelId = "sonic-3 "; break;
            case "no output format": request.OutputFormat = null!; break;
            case "sample rate 12345": request.OutputFormat = AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 12345); break;
            case "raw without encoding": request.OutputFormat = new AudioOutputFormat { Container = AudioContainer.Raw, SampleRate = 16000 }; break;
            case "mp3 without bit rate": request.OutputFormat = new AudioOutputFormat { Container = AudioContainer.Mp3, SampleRate = 44100 }; break;
            case "mp3 with encoding": request.OutputFormat = new AudioOutputFormat { Container = AudioContainer.Mp3, SampleRate = 44100, BitRate = 128000, Encoding = AudioEncoding.PcmS16LE }; break;
            case "mp3 bit rate 100000": request.OutputFormat = AudioOutputFormat.Mp3(44100, 100000); break;
            case "wav with bit rate": request.OutputFormat.BitRate = 128000; break;
            case "language and locale": request.Language = Language.English; request.Locale = "en-GB"; break;
            case "bad locale": request.Locale = "english"; break;
            case "speed 2": request.GenerationConfig = new GenerationConfig { Speed = 2 }; break;
            case "volume 0.1": request.GenerationConfig = new GenerationConfig { Volume = 0.1 }; break;
            case "speed NaN": request.GenerationConfig = new GenerationConfig { Speed = double.NaN }; break;
            case "empty pronunciation dictionary": request.PronunciationDictId = " "; break;
            case "default model": request.ModelId = default; break;
        }

        ArgumentException error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Tts.GenerateAsync(request));
        Assert.Throws(error.GetType(), () => client.Tts.Generate(request));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Equal("request", error.ParamName);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task Sse_requests_are_rejected_before_enumeration_starts()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        TtsSseRequest wav = Requests.Sse(format: AudioOutputFormat.Wav(AudioEncoding.PcmS16LE, 16000));
        TtsSseRequest emptyContext = Requests.Sse();
        emptyContext.ContextId = "";

        var error = Assert.Throws<ArgumentException>(() => client.Tts.GenerateSseAsync(wav));
        Assert.Throws<ArgumentException>(() => client.Tts.GenerateSse(wav));
        Assert.Throws<ArgumentException>(() => client.Tts.GenerateSseAsync(emptyContext));
        Assert.Throws<ArgumentNullException>(() => client.Tts.GenerateSseAsync(null!));

        Assert.Contains("always 'raw'", error.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public async Task Locale_and_normalization_need_the_2026_08_14_api()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient(new CartesiaClientOptions { ApiVersion = CartesiaApiVersion.V2025_11_04 });
        TtsRequest withLocale = Requests.Bytes();
        withLocale.Locale = "en-GB";
        TtsRequest withNormalization = Requests.Bytes();
        withNormalization.Normalization = TtsNormalization.Off;

        var locale = await Assert.ThrowsAsync<ArgumentException>(() => client.Tts.GenerateAsync(withLocale));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Tts.GenerateAsync(withNormalization));

        Assert.Contains("pinned to 2025-11-04", locale.Message, StringComparison.Ordinal);
        Assert.Empty(emulator.Journal.Requests);
    }

    [Fact]
    public void Credentials_and_open_values_reject_bad_input_at_construction()
    {
        Assert.Throws<ArgumentException>(() => CartesiaCredential.FromApiKey(" sk_car_x"));
        Assert.Throws<ArgumentException>(() => CartesiaCredential.FromApiKey("sk_car_x\n"));
        Assert.ThrowsAny<ArgumentException>(() => CartesiaCredential.FromAccessToken(""));
        Assert.ThrowsAny<ArgumentException>(() => new TtsModel(" "));
        Assert.Throws<ArgumentException>(() => new CartesiaApiVersion("2026-8-14"));
        Assert.ThrowsAny<ArgumentException>(() => new CartesiaClient("sk", new CartesiaClientOptions { BaseUri = new Uri("ftp://x") }));
        Assert.ThrowsAny<ArgumentException>(() => new CartesiaClient("sk", new CartesiaClientOptions { Timeout = TimeSpan.Zero }));
        Assert.ThrowsAny<ArgumentException>(() => new CartesiaClient("sk", new CartesiaClientOptions { MaxRetries = -1 }));
        Assert.ThrowsAny<ArgumentException>(() => new CartesiaClient("sk", new CartesiaClientOptions { WebSocketBaseUri = new Uri("http://x") }));
    }
}
