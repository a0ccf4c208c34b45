package chatlab.p2p.arq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoBackNSenderTest {
    private static final long MS = 1_000_000;

    private static GoBackNSender sender(long total, int window) {
        return new GoBackNSender(total, window, RtoEstimator.fixed(Duration.ofMillis(100)));
    }

    @Test
    void sendsAWindowThenWaits() {
        GoBackNSender s = sender(10, 4);
        assertThat(s.poll(0)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(s.poll(1)).isEmpty();
        assertThat(s.nextDeadline()).isEqualTo(100 * MS);
    }

    @Test
    void aCumulativeAckSlidesTheWindowAndRestartsTheTimer() {
        GoBackNSender s = sender(10, 4);
        s.poll(0);
        s.onAck(2, 1, 10 * MS);
        assertThat(s.acknowledged()).isEqualTo(2);
        assertThat(s.nextDeadline()).isEqualTo(110 * MS);
        assertThat(s.poll(10 * MS)).containsExactly(4L, 5L);
    }

    @Test
    void aTimeoutResendsEverySegmentInFlight() {
        GoBackNSender s = sender(10, 4);
        s.poll(0);
        s.onAck(1, 0, 10 * MS);
        assertThat(s.poll(10 * MS)).containsExactly(4L);
        assertThat(s.poll(109 * MS)).isEmpty();
        assertThat(s.poll(110 * MS)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(s.stats().timeouts()).isEqualTo(1);
        assertThat(s.stats().retransmissions()).isEqualTo(4);
        assertThat(s.nextDeadline()).isEqualTo(210 * MS);
    }

    @Test
    void ignoresDuplicateAndImpossibleAcks() {
        GoBackNSender s = sender(10, 2);
        s.poll(0);
        s.onAck(0, -1, MS);
        s.onAck(7, -1, MS);
        assertThat(s.acknowledged()).isZero();
        assertThat(s.stats().duplicateAcks()).isEqualTo(1);
        assertThat(s.stats().ignoredAcks()).isEqualTo(1);
    }

    @Test
    void samplesRoundTripsOnlyOnSegmentsSentOnce() {
        GoBackNSender s = new GoBackNSender(4, 1, RtoEstimator.adaptive());
        s.poll(0);
        s.onAck(1, 0, 40 * MS);
        assertThat(s.timer().srttNanos()).isEqualTo(40 * MS);
        s.poll(40 * MS);
        long timeout = s.nextDeadline();
        s.poll(timeout); // resent: no sample from segment 1 now
        s.onAck(2, 1, timeout + 5 * MS);
        assertThat(s.timer().srttNanos()).isEqualTo(40 * MS);
        assertThat(s.stats().rttSamples()).isEqualTo(1);
    }

    @Test
    void anEchoTimesARetransmissionToo() {
        GoBackNSender s = new GoBackNSender(4, 1, RtoEstimator.adaptive());
        s.poll(0);
        s.onAck(1, 0, 0, 40 * MS);
        s.poll(40 * MS);
        long timeout = s.nextDeadline();
        s.poll(timeout); // segment 1 again
        s.onAck(2, 1, timeout, timeout + 50 * MS); // the receiver names the retransmission
        assertThat(s.stats().rttSamples()).isEqualTo(2);
        assertThat(s.timer().srttNanos()).isEqualTo((7 * 40 + 50) * MS / 8);
    }

    /**
     * The spiral the echo ends: a window sent before the timer knew the queue's round trip times
     * out early, every segment goes again, and Karn's rule then skips every sample that would
     * have taught the timer the longer round trip; an acknowledgement that moves the window
     * undoes the backoff, so the next window times out early again. The echo names the original
     * transmission, and one sample lifts the RTO above the round trip.
     */
    @Test
    void theEchoOfTheOriginalEndsTheSpuriousTimeoutSpiral() {
        for (boolean echo : new boolean[] {true, false}) {
            GoBackNSender s = new GoBackNSender(100, 4, RtoEstimator.adaptive());
            s.poll(0);
            s.onAck(1, 0, echo ? 0 : -1, 10 * MS); // an empty queue: 10 ms
            assertThat(s.timer().rtoNanos()).isEqualTo(30 * MS); // 10 + 4 × 5
            assertThat(s.poll(10 * MS)).containsExactly(4L);
            // the queue now holds the window: each round trip takes 60 ms, and the timer fires at 40
            assertThat(s.poll(40 * MS)).as("a spurious timeout").containsExactly(1L, 2L, 3L, 4L);
            s.onAck(2, 1, echo ? 0 : -1, 60 * MS); // the original of segment 1, sent at 0
            if (echo) {
                assertThat(s.timer().rtoNanos()).as("taught by the original's round trip").isGreaterThan(60 * MS);
            } else {
                assertThat(s.timer().rtoNanos()).as("Karn's rule: no sample, the backoff undone").isEqualTo(30 * MS);
            }
        }
    }

    @Test
    void anEmptyTransferIsFinishedAtOnce() {
        GoBackNSender s = sender(0, 4);
        assertThat(s.poll(0)).isEmpty();
        assertThat(s.finished()).isTrue();
        assertThat(s.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void stopAndWaitIsAWindowOfOne() {
        ArqSender s = Strategy.STOP_AND_WAIT.sender(3, 32, RtoEstimator.fixed(Duration.ofMillis(10)));
        assertThat(s.poll(0)).containsExactly(0L);
        s.onAck(1, 0, MS);
        assertThat(s.poll(MS)).containsExactly(1L);
    }
}
