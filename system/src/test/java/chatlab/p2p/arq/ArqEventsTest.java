package chatlab.p2p.arq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timer events the senders tell, under manual time, agree with what they do and count. */
class ArqEventsTest {
    private static final long MS = 1_000_000;

    /** Writes each event down as a short line. */
    private static final class Log implements ArqEvents {
        final List<String> lines = new ArrayList<>();

        @Override
        public void timerSet(long now, long segment, long deadline, int count, long rtoNanos) {
            lines.add("set " + now / MS + " seg=" + segment + " until=" + deadline / MS + (count > 1 ? " x" + count : ""));
        }

        @Override
        public void timerStopped(long now) {
            lines.add("stop " + now / MS);
        }

        @Override
        public void timeout(long now, long segment, int count, long timerNanos) {
            lines.add("timeout " + now / MS + " seg=" + segment + " x" + count + " after=" + timerNanos / MS);
        }

        @Override
        public void backoff(long now, long rtoNanos) {
            lines.add("backoff " + now / MS + " rto=" + rtoNanos / MS);
        }
    }

    @Test
    void goBackNTellsEachStartRestartTimeoutBackoffAndStopOfItsOneTimer() {
        RtoEstimator timer = RtoEstimator.adaptive(Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofSeconds(5));
        GoBackNSender s = new GoBackNSender(3, 2, timer);
        Log log = new Log();
        s.observe(log);
        s.poll(0);
        s.onAck(1, -1, 10 * MS);
        s.poll(10 * MS);
        long deadline = s.nextDeadline();
        s.poll(deadline);
        s.onAck(3, -1, deadline + 10 * MS);
        long rto = timer.rtoNanos() / MS;
        assertThat(log.lines).hasSize(6);
        assertThat(log.lines.get(0)).isEqualTo("set 0 seg=0 until=100");
        assertThat(log.lines.get(1)).startsWith("set 10 seg=1 until=");
        assertThat(log.lines.get(2)).isEqualTo("timeout " + deadline / MS + " seg=1 x2 after=" + (deadline / MS - 10));
        assertThat(log.lines.get(3)).startsWith("backoff " + deadline / MS + " rto=");
        assertThat(log.lines.get(4)).startsWith("set " + deadline / MS + " seg=1 until=");
        assertThat(log.lines.get(5)).isEqualTo("stop " + (deadline / MS + 10));
        assertThat(s.stats().timeouts()).isEqualTo(log.lines.stream().filter(l -> l.startsWith("timeout")).count());
        assertThat(rto).isPositive();
    }

    @Test
    void aFixedTimerTellsNoBackoff() {
        GoBackNSender s = new GoBackNSender(1, 1, RtoEstimator.fixed(Duration.ofMillis(50)));
        Log log = new Log();
        s.observe(log);
        s.poll(0);
        s.poll(50 * MS);
        assertThat(log.lines).containsExactly("set 0 seg=0 until=50", "timeout 50 seg=0 x1 after=50", "set 50 seg=0 until=100");
    }

    @Test
    void selectiveRepeatTellsOneTimeoutPerPollAndTheRestartsOfAnAcknowledgementTogether() {
        SelectiveRepeatSender s = new SelectiveRepeatSender(4, 4, RtoEstimator.fixed(Duration.ofMillis(100)));
        Log log = new Log();
        s.observe(log);
        assertThat(s.poll(0)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(log.lines).as("a transmission starts its own timer; that is not told again").isEmpty();
        assertThat(s.poll(100 * MS)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(log.lines).containsExactly("timeout 100 seg=0 x4 after=100");
        s.onAck(0, 1, 150 * MS);
        assertThat(log.lines.getLast()).isEqualTo("set 150 seg=2 until=250 x2");
        s.onAck(4, -1, 160 * MS);
        assertThat(log.lines.getLast()).isEqualTo("stop 160");
        assertThat(s.stats().timeouts()).isEqualTo(1);
    }
}
