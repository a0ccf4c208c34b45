package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GbnModelTest {
    /** 8 Mbit/s, 1000-byte frames (1 ms each), 10 ms each way: a = 10, 2a + 1 = 21. */
    private final GbnModel.Link link = new GbnModel.Link(8e6, 1000, 1000, 0.010);

    @Test
    void theLinkNumbers() {
        assertThat(link.tFrame()).isCloseTo(0.001, within(1e-12));
        assertThat(link.a()).isCloseTo(10, within(1e-9));
        assertThat(link.rtt0()).isCloseTo(0.021, within(1e-12));
    }

    @Test
    void kuroseRossFillsThePipeAtRoundTripOverFrameTime() {
        assertThat(GbnModel.kuroseRossUtilization(1, link)).isCloseTo(1 / 21.0, within(1e-9));
        assertThat(GbnModel.kuroseRossUtilization(21, link)).isEqualTo(1);
        assertThat(GbnModel.kuroseRossUtilization(64, link)).isEqualTo(1);
    }

    @Test
    void stallingsMatchesItsTwoRegimes() {
        assertThat(GbnModel.stallingsUtilization(64, 0.1, link)).isCloseTo(0.9 / 3.0, within(1e-9));
        assertThat(GbnModel.stallingsUtilization(4, 0.1, link)).isCloseTo(4 * 0.9 / (21 * 1.3), within(1e-9));
        assertThat(GbnModel.stallingsUtilization(21, 0, link)).isCloseTo(1, within(1e-9));
    }

    @Test
    void withoutLossTheTimeoutModelIsTheFirstRoundTripThenOneFrameTimeEach() {
        assertThat(GbnModel.timeoutDrivenSeconds(100, 64, 0, 0.05, link)).isCloseTo(0.021 + 99 * 0.001, within(1e-12));
        assertThat(GbnModel.timeoutDrivenSeconds(100, 1, 0, 0.05, link)).isCloseTo(100 * 0.021, within(1e-12));
        assertThat(GbnModel.timeoutDrivenSeconds(0, 8, 0.1, 0.05, link)).isZero();
    }

    @Test
    void eachLossCostsTheWaitForTheTimerOrTheDoomedFrames() {
        double base = GbnModel.timeoutDrivenSeconds(100, 1, 0, 0.05, link);
        // Stop-and-Wait: a loss costs exactly the timeout.
        assertThat(GbnModel.secondsWithLossEvents(100, 1, 3, 0.05, link) - base).isCloseTo(3 * 0.05, within(1e-12));
        // A window that fills the pipe: RTT0 + T_o - tFrame per loss.
        double full = GbnModel.timeoutDrivenSeconds(100, 32, 0, 0.05, link);
        assertThat(GbnModel.secondsWithLossEvents(100, 32, 2, 0.05, link) - full)
                .isCloseTo(2 * (0.021 + 0.05 - 0.001), within(1e-12));
        // A window far beyond the pipe, and a short timer: the lost frame's own link time, and the doomed frames'.
        double long_ = GbnModel.timeoutDrivenSeconds(1000, 64, 0, 0.005, link);
        assertThat(GbnModel.secondsWithLossEvents(1000, 64, 1, 0.005, link) - long_)
                .isCloseTo((1 + GbnModel.doomedAfterLoss(1000, 64)) * 0.001, within(1e-12));
    }

    @Test
    void aFileNoLongerThanTheWindowDoomsHalfOfItOnAverage() {
        assertThat(GbnModel.doomedAfterLoss(64, 64)).isCloseTo(63 / 2.0, within(1e-9));
        assertThat(GbnModel.doomedAfterLoss(1000, 8)).isCloseTo((21 + 993.0 * 7) / 1000, within(1e-9)); // sum of j below 7, then 7 each;
        assertThat(GbnModel.doomedAfterLoss(10, 1)).isZero();
    }

    @Test
    void theStudentQuantilesAreRight() {
        assertThat(PointStats.tQuantile(2)).isEqualTo(4.303);
        assertThat(PointStats.tQuantile(3)).isEqualTo(3.182);
        assertThat(PointStats.tQuantile(100)).isEqualTo(1.96);
    }
}
