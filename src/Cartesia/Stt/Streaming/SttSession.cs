namespace Cartesia.Stt;

/// <summary>
/// A manual-finalize session on <c>/stt/websocket</c>: <see cref="SttTranscriptEvent"/>s (interim, then final),
/// <see cref="FinalizeAsync"/> for the final transcript of everything sent so far, <see cref="SttStreamingSession.CompleteAsync"/>
/// to finish. Open it with <see cref="SttClient.ConnectAsync"/>.
/// </summary>
/// <example>
/// <code>
/// await using SttSession session = await client.Stt.ConnectAsync(new SttSessionOptions { Encoding = AudioEncoding.PcmS16LE, SampleRate = 16000 });
/// var transcript = new SttTranscriptAccumulator();
/// Task reading = Task.Run(async () =>
/// {
///     await foreach (SttEvent e in session.ReadEventsAsync())
///     {
///         transcript.Apply(e);
///     }
/// });
/// await session.SendAudioAsync(File.OpenRead("speech.wav"));
/// await session.CompleteAsync();   // the last transcript arrives before this returns
/// await reading;
/// Console.WriteLine(transcript.Text);
/// </code>
/// </example>
public class SttSession : SttStreamingSession
{
    /// <summary>For mocking in tests.</summary>
    protected SttSession()
    {
    }

    internal SttSession(SttSessionCore core) : base(core)
    {
    }

    /// <summary>
    /// Sends <c>finalize</c> after all the audio queued so far (with the frame remainder) and returns once the
    /// service has answered <c>flush_done</c>: by then the final transcripts of that audio have arrived (they
    /// precede <c>flush_done</c> among the events).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="CartesiaTimeoutException">No <c>flush_done</c> within <see cref="SttSessionOptions.FinalizeTimeout"/> (<see cref="CartesiaTimeoutPhase.Flush"/>).</exception>
    /// <exception cref="InvalidOperationException"><see cref="SttStreamingSession.CompleteAsync"/> was called.</exception>
    public virtual Task FinalizeAsync(CancellationToken cancellationToken = default) => Core.FinalizeAsync(cancellationToken);
}
