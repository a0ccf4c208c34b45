package chatlab.p2p.arq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SelectiveRepeatTest {
    private static final long MS = 1_000_000;

    @Test
    void aTimeoutResendsOnlyTheLostSegment() {
        SelectiveRepeatSender s = new SelectiveRepeatSender(10, 4, RtoEstimator.fixed(Duration.ofMillis(100)));
        assertThat(s.poll(0)).containsExactly(0L, 1L, 2L, 3L);
        s.onAck(0, 1, 10 * MS);
        s.onAck(0, 2, 10 * MS);
        s.onAck(0, 3, 10 * MS);
        assertThat(s.acknowledged()).isZero();
        assertThat(s.poll(100 * MS)).containsExactly(0L);
        s.onAck(4, 0, 120 * MS);
        assertThat(s.acknowledged()).isEqualTo(4);
        assertThat(s.poll(120 * MS)).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void eachSegmentBacksOffOnItsOwn() {
        RtoEstimator timer = RtoEstimator.adaptive(Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofSeconds(5));
        SelectiveRepeatSender s = new SelectiveRepeatSender(10, 4, timer);
        assertThat(s.poll(0)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(s.poll(100 * MS)).containsExactly(0L, 1L, 2L, 3L); // all four lost once: each waits 200 ms now
        s.onAck(0, 1, 110 * MS);
        s.onAck(0, 2, 110 * MS);
        s.onAck(0, 3, 110 * MS);
        assertThat(s.nextDeadline()).isEqualTo(300 * MS);
        assertThat(s.poll(300 * MS)).containsExactly(0L); // lost twice: 400 ms next
        assertThat(s.nextDeadline()).isEqualTo(700 * MS);
        // the others' losses did not slow the shared timer: a fresh segment still waits one RTO
        s.onAck(1, -1, 310 * MS);
        assertThat(s.poll(310 * MS)).containsExactly(4L, 5L, 6L, 7L);
        assertThat(s.nextDeadline()).isEqualTo(410 * MS);
    }

    @Test
    void anAckOfAnEarlierTransmissionRestartsTheTimersBehindIt() {
        SelectiveRepeatSender s = new SelectiveRepeatSender(10, 4, RtoEstimator.fixed(Duration.ofMillis(100)));
        assertThat(s.poll(0)).containsExactly(0L, 1L, 2L, 3L);
        s.onAck(0, 1, 60 * MS); // 1 arrived: 2 and 3, sent after it, may still be queued; 0, sent before it, is late
        assertThat(s.nextDeadline()).isEqualTo(100 * MS);
        assertThat(s.poll(100 * MS)).containsExactly(0L);
        assertThat(s.nextDeadline()).isEqualTo(160 * MS); // 2 and 3: restarted at 60 ms
        s.onAck(0, 2, 150 * MS); // restarts 3, and 0, whose retransmission went after 2
        assertThat(s.poll(249 * MS)).isEmpty();
        assertThat(s.nextDeadline()).isEqualTo(250 * MS);
        assertThat(s.poll(250 * MS)).containsExactly(0L, 3L);
        assertThat(s.stats().retransmissions()).isEqualTo(3);
    }

    @Test
    void aRestartedTimerRunsForWhatTheTimerHasLearnedSince() {
        RtoEstimator timer = RtoEstimator.adaptive(Duration.ofMillis(10), Duration.ofMillis(5), Duration.ofSeconds(5));
        SelectiveRepeatSender s = new SelectiveRepeatSender(10, 4, timer);
        assertThat(s.poll(0)).containsExactly(0L, 1L, 2L, 3L);
        assertThat(s.nextDeadline()).isEqualTo(10 * MS);
        s.onAck(1, 0, 8 * MS); // one sample of 8 ms: RTO = 8 + 4·4 = 24 ms
        assertThat(timer.rtoNanos()).isEqualTo(24 * MS);
        assertThat(s.nextDeadline()).isEqualTo(32 * MS); // 1, 2 and 3 restarted at 8 ms, with the new RTO
        assertThat(s.poll(31 * MS)).containsExactly(4L);
    }

    @Test
    void anEchoTimesRetransmissionsAndRepeatedAcknowledgements() {
        SelectiveRepeatSender s = new SelectiveRepeatSender(10, 1, RtoEstimator.adaptive());
        s.poll(0);
        s.onAck(1, 0, 0, 20 * MS); // a first sample
        s.onAck(1, 0, 0, 25 * MS); // the same acknowledgement again: it still times a transmission
        assertThat(s.stats().rttSamples()).isEqualTo(2);
        assertThat(s.poll(25 * MS)).containsExactly(1L);
        long timeout = s.nextDeadline();
        assertThat(s.poll(timeout)).containsExactly(1L);
        s.onAck(2, 1, timeout, timeout + 20 * MS); // its retransmission is timed
        assertThat(s.stats().rttSamples()).isEqualTo(3);
        assertThat(s.poll(timeout + 20 * MS)).containsExactly(2L);
        s.onAck(3, 2, -1, timeout + 30 * MS); // no echo: Karn's rule, and 2 was sent once
        assertThat(s.stats().rttSamples()).isEqualTo(4);
    }

    @Test
    void theReceiverHoldsGapsAndDeliversInOrder() {
        SelectiveRepeatReceiver r = new SelectiveRepeatReceiver(6, 4);
        assertThat(r.onData(1).deliver()).isEmpty();
        assertThat(r.onData(2).selective()).isEqualTo(2);
        ArqReceiver.Outcome filled = r.onData(0);
        assertThat(filled.deliver()).containsExactly(0L, 1L, 2L);
        assertThat(filled.cumulative()).isEqualTo(3);
        assertThat(r.onData(1).accepted()).isFalse(); // a duplicate is acknowledged again, not kept
        assertThat(r.onData(1).selective()).isEqualTo(1);
        assertThat(r.onData(7).accepted()).isFalse(); // beyond the window
    }

    @Test
    void theGoBackNReceiverTakesOnlyWhatItExpects() {
        GoBackNReceiver r = new GoBackNReceiver(3);
        assertThat(r.onData(1).accepted()).isFalse();
        assertThat(r.onData(0).deliver()).containsExactly(0L);
        assertThat(r.onData(0).cumulative()).isEqualTo(1);
        assertThat(r.onData(1).deliver()).containsExactly(1L);
    }
}
