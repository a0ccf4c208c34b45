package chatlab.p2p.arq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RtoEstimatorTest {
    private static long ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }

    @Test
    void followsRfc6298() {
        RtoEstimator rto = RtoEstimator.adaptive(Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofSeconds(60));
        assertThat(rto.rtoNanos()).isEqualTo(ms(1000));
        rto.sample(ms(100)); // SRTT = 100, RTTVAR = 50, RTO = 100 + 4*50
        assertThat(rto.srttNanos()).isEqualTo(ms(100));
        assertThat(rto.rtoNanos()).isEqualTo(ms(300));
        rto.sample(ms(200)); // RTTVAR = 3/4*50 + 1/4*100 = 62.5, SRTT = 7/8*100 + 1/8*200 = 112.5
        assertThat(rto.srttNanos()).isEqualTo(ms(112) + 500_000);
        assertThat(rto.rtoNanos()).isEqualTo(ms(112) + 500_000 + 4 * (ms(62) + 500_000));
    }

    @Test
    void backsOffAndResetsOnTheNextSample() {
        RtoEstimator rto = RtoEstimator.adaptive(Duration.ofMillis(100), Duration.ofMillis(10), Duration.ofMillis(350));
        rto.backoff();
        assertThat(rto.rtoNanos()).isEqualTo(ms(200));
        rto.backoff();
        assertThat(rto.rtoNanos()).isEqualTo(ms(350));
        rto.sample(ms(10));
        assertThat(rto.rtoNanos()).isEqualTo(ms(30));
    }

    @Test
    void keepsWithinItsBounds() {
        RtoEstimator rto = RtoEstimator.adaptive(Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofSeconds(1));
        rto.sample(100_000);
        assertThat(rto.rtoNanos()).isEqualTo(ms(20));
    }

    @Test
    void backsASegmentOffByItsOwnTransmissionsWithinTheCeiling() {
        RtoEstimator timer = RtoEstimator.adaptive(Duration.ofMillis(100), Duration.ofMillis(5), Duration.ofSeconds(1));
        assertThat(timer.backedOffNanos(1)).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(timer.backedOffNanos(2)).isEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(timer.backedOffNanos(4)).isEqualTo(Duration.ofMillis(800).toNanos());
        assertThat(timer.backedOffNanos(5)).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(timer.backedOffNanos(1_000)).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(timer.rtoNanos()).isEqualTo(Duration.ofMillis(100).toNanos()); // the shared timer is untouched
        assertThat(RtoEstimator.fixed(Duration.ofMillis(50)).backedOffNanos(7)).isEqualTo(Duration.ofMillis(50).toNanos());
    }

    @Test
    void aSteadyRoundTripStillLeavesTheGranularityAsMargin() {
        RtoEstimator rto = RtoEstimator.adaptive(Duration.ofMillis(200), Duration.ofMillis(5), Duration.ofSeconds(5));
        for (int i = 0; i < 100; i++) {
            rto.sample(ms(20)); // RTTVAR decays towards 0
        }
        assertThat(rto.rtoNanos()).isEqualTo(ms(20) + RtoEstimator.GRANULARITY).isEqualTo(ms(25));
    }

    @Test
    void aFixedTimerNeverMoves() {
        RtoEstimator rto = RtoEstimator.fixed(Duration.ofMillis(50));
        rto.sample(ms(1));
        rto.backoff();
        assertThat(rto.rtoNanos()).isEqualTo(ms(50));
    }

    @Test
    void progressUndoesTheBackoffWithoutASample() {
        RtoEstimator rto = RtoEstimator.adaptive(Duration.ofMillis(100), Duration.ofMillis(1), Duration.ofSeconds(10));
        rto.sample(ms(20)); // RTO = 20 + 4*10 = 60
        rto.backoff();
        rto.backoff();
        assertThat(rto.rtoNanos()).isEqualTo(ms(240));
        rto.progress();
        assertThat(rto.rtoNanos()).isEqualTo(ms(60));
        assertThat(rto.srttNanos()).isEqualTo(ms(20));
    }
}
