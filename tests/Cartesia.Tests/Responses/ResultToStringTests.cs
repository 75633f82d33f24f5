using System.Reflection;
using Cartesia.AccessTokens;
using Cartesia.Emulator;
using Cartesia.Stt;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Responses;

/// <summary>Results print their key fields, never their type name, and never a secret.</summary>
public class ResultToStringTests
{
    public static TheoryData<Type> ResultTypes()
    {
        var data = new TheoryData<Type>();
        foreach (Type type in typeof(CartesiaClient).Assembly.GetExportedTypes()
            .Where(t => !t.IsAbstract && (typeof(CartesiaResult).IsAssignableFrom(t) || typeof(TtsEvent).IsAssignableFrom(t) || typeof(SttEvent).IsAssignableFrom(t)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void Every_result_and_event_type_has_its_own_ToString(Type type)
    {
        MethodInfo toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!;

        Assert.NotEqual(typeof(object), toString.DeclaringType);
        Assert.NotEqual(typeof(CartesiaModel), toString.DeclaringType);
    }

    [Fact]
    public async Task Status_transcription_events_and_tokens_print_what_matters()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();

        ApiStatus status = await client.GetStatusAsync();
        using var wav = new MemoryStream(Clips.Wav("Printed nicely."));
        SttTranscription transcription = await client.Stt.TranscribeAsync(wav, new SttTranscribeRequest { Model = SttModel.InkWhisper });
        AccessToken token = await client.AccessTokens.CreateAsync(new AccessTokenRequest { Grants = new AccessTokenGrants { Tts = true }, ExpiresIn = TimeSpan.FromMinutes(1) });
        var chunk = new TtsChunkEvent { ContextId = "ctx-1", Audio = new byte[10] };

        Assert.Equal($"ApiStatus {{ Ok = true, Version = {status.Version} }}", status.ToString());
        Assert.Contains("Printed nicely.", transcription.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("SttTranscription {", transcription.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token.Token, token.ToString(), StringComparison.Ordinal);
        Assert.Equal("chunk (context ctx-1, 10 bytes)", chunk.ToString());
        Assert.Equal("AccessTokenGrants { Tts = true, Stt = (unset), Agent = (unset) }", new AccessTokenGrants { Tts = true }.ToString());
    }
}
