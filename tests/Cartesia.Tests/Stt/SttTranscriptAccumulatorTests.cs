using Cartesia.Stt;

namespace Cartesia.Tests.Stt;

public class SttTranscriptAccumulatorTests
{
    [Fact]
    public void The_manual_endpoint_joins_final_deltas_verbatim_and_shows_the_latest_interim()
    {
        var transcript = new SttTranscriptAccumulator();

        Assert.True(transcript.Apply(new SttTranscriptEvent { Text = "hel" }));
        Assert.True(transcript.Apply(new SttTranscriptEvent { Text = "hello" }));
        Assert.False(transcript.Apply(new SttTranscriptEvent { Text = "hello" }), "An unchanged interim is not a change.");
        Assert.Equal("hello", transcript.TextWithPartial);
        Assert.True(transcript.Apply(new SttTranscriptEvent { Text = "Hello there.", IsFinal = true }));
        Assert.True(transcript.Apply(new SttTranscriptEvent { Text = "  How are", IsFinal = false }));
        Assert.True(transcript.Apply(new SttTranscriptEvent { Text = "  How are you? ", IsFinal = true }));
        Assert.False(transcript.Apply(new SttFlushDoneEvent()));

        Assert.Equal("Hello there.  How are you? ", transcript.Text);
        Assert.Equal(string.Empty, transcript.Partial);
        Assert.Equal(2, transcript.Segments);
    }

    [Fact]
    public void The_turns_endpoint_keeps_the_cumulative_turn_as_partial_and_appends_each_turn_end_verbatim()
    {
        var transcript = new SttTranscriptAccumulator();
        SttEvent[] events =
        [
            new SttConnectedEvent(), new SttTurnStartEvent(),
            new SttTurnUpdateEvent { Transcript = "Hey can" }, new SttTurnUpdateEvent { Transcript = "Hey can you help" },
            new SttTurnEagerEndEvent { Transcript = "Hey can you help" }, new SttTurnResumeEvent(),
            new SttTurnUpdateEvent { Transcript = "Hey can you help me?" },
            new SttTurnEndEvent { Transcript = "Hey can you help me?" },
            new SttTurnStartEvent(), new SttTurnUpdateEvent { Transcript = " Sure" },
        ];

        bool[] changed = [.. events.Select(transcript.Apply)];

        Assert.Equal([false, false, true, true, false, false, true, true, false, true], changed);
        Assert.Equal("Hey can you help me?", transcript.Text);
        Assert.Equal(" Sure", transcript.Partial);
        Assert.Equal("Hey can you help me? Sure", transcript.TextWithPartial);
        transcript.Apply(new SttTurnEndEvent { Transcript = " Sure thing." });
        Assert.Equal("Hey can you help me? Sure thing.", transcript.ToString());
    }

    [Fact]
    public void A_reconnect_drops_what_was_not_final_and_deduplication_can_be_turned_off()
    {
        var transcript = new SttTranscriptAccumulator { DeduplicateInterims = false };
        transcript.Apply(new SttTranscriptEvent { Text = "Kept.", IsFinal = true });
        transcript.Apply(new SttTranscriptEvent { Text = " Lost with the" });

        Assert.True(transcript.Apply(new SttTranscriptEvent { Text = " Lost with the" }));
        Assert.True(transcript.Apply(new SttReconnectedEvent()));
        Assert.Equal("Kept.", transcript.TextWithPartial);
        transcript.Reset();
        Assert.Equal((string.Empty, 0), (transcript.TextWithPartial, transcript.Segments));
        Assert.Throws<ArgumentNullException>(() => transcript.Apply(null!));
    }

    [Fact]
    public void Fifty_thousand_segments_join_exactly_in_linear_time()
    {
        var transcript = new SttTranscriptAccumulator();
        var expected = new System.Text.StringBuilder();
        for (int i = 0; i < 50_000; i++)
        {
            string segment = i % 7 == 0 ? $" {i}." : $" word{i}";
            transcript.Apply(new SttTranscriptEvent { Text = segment + "…", IsFinal = false });
            transcript.Apply(new SttTranscriptEvent { Text = segment, IsFinal = true });
            expected.Append(segment);
            if (i % 10_000 == 0)
            {
                Assert.Equal(expected.ToString(), transcript.Text);
            }
        }

        Assert.Equal(expected.ToString(), transcript.Text);
        Assert.Equal(50_000, transcript.Segments);
    }
}
