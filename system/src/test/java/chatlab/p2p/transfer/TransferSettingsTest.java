package chatlab.p2p.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.p2p.arq.RtoEstimator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransferSettingsTest {

    /** The longest the timer ever waits: backed off far enough, it sits at its ceiling. */
    private static long ceiling(RtoEstimator timer) {
        return timer.backedOffNanos(64);
    }

    @Test
    void theTimerWaitsAtMostAnEighthOfTheIdleTimeoutAndStartsAt200Ms() {
        RtoEstimator lab = TransferSettings.DEFAULT.withIdleTimeout(Duration.ofSeconds(30)).newTimer();
        assertThat(ceiling(lab)).isEqualTo(Duration.ofMillis(3750).toNanos());
        assertThat(lab.rtoNanos()).isEqualTo(Duration.ofMillis(200).toNanos());

        RtoEstimator defaults = TransferSettings.DEFAULT.newTimer(); // 10 s idle
        assertThat(ceiling(defaults)).isEqualTo(Duration.ofMillis(1250).toNanos());
        assertThat(TransferSettings.DEFAULT.keepAliveNanos()).isEqualTo(ceiling(defaults));
    }

    @Test
    void aShortIdleTimeoutLowersTheFirstRtoToTheCeiling() {
        RtoEstimator timer = TransferSettings.DEFAULT.withIdleTimeout(Duration.ofMillis(800)).newTimer();
        assertThat(ceiling(timer)).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(timer.rtoNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
    }

    @Test
    void theCeilingNeverPassesFiveSeconds() {
        RtoEstimator timer = TransferSettings.DEFAULT.withIdleTimeout(Duration.ofMinutes(2)).newTimer();
        assertThat(ceiling(timer)).isEqualTo(Duration.ofSeconds(5).toNanos());
    }

    @Test
    void aFixedTimeoutIsKeptAsGiven() {
        RtoEstimator timer = TransferSettings.DEFAULT.withFixedTimeout(Duration.ofMillis(50)).newTimer();
        assertThat(timer.isFixed()).isTrue();
        assertThat(ceiling(timer)).isEqualTo(Duration.ofMillis(50).toNanos());
    }
}
