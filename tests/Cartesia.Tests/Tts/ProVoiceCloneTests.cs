using Cartesia.Emulator;
using Cartesia.Tests.Support;
using Cartesia.Tts;

namespace Cartesia.Tests.Tts;

public class ProVoiceCloneTests
{
    [Fact]
    public async Task A_pro_voice_clone_needs_its_dated_model_and_the_error_names_it()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        TtsRequest request = Requests.Bytes();
        request.Voice = CartesiaEmulator.ProVoiceCloneId;

        var error = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateAsync(request));
        request.ModelId = TtsModel.Sonic3_2026_01_12;
        byte[] audio = await client.Tts.GenerateBytesAsync(request);

        Assert.Equal(CartesiaErrorCodes.VoiceModelMismatch, error.ErrorCode);
        Assert.Contains("set model_id to \"sonic-3-2026-01-12\"", error.ErrorMessage, StringComparison.Ordinal);
        Assert.NotEmpty(audio);
    }

    [Fact]
    public async Task An_unknown_voice_is_reported()
    {
        await using CartesiaEmulator emulator = await CartesiaEmulator.StartAsync();
        using CartesiaClient client = emulator.CreateClient();
        TtsRequest request = Requests.Bytes();
        request.Voice = "00000000-0000-0000-0000-000000000000";

        var error = await Assert.ThrowsAsync<CartesiaBadRequestException>(() => client.Tts.GenerateAsync(request));

        Assert.Equal(CartesiaErrorCodes.VoiceNotFound, error.ErrorCode);
    }
}
