package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import chatlab.p2p.arq.Strategy;
import org.junit.jupiter.api.Test;

class GbnModelTest {
    // t_frame = 1 ms, d = 10 ms: RTT0 = 21 ms, a = 10, the pipe holds 21 frames
    private final GbnModel.Link link = new GbnModel.Link(8e6, 1000, 1000, 0.010);
    private final GbnModel.Timer timer = GbnModel.Timer.adaptive(3.75);

    @Test
    void theLinksNumbers() {
        assertThat(link.tFrame()).isCloseTo(0.001, within(1e-12));
        assertThat(link.rtt0()).isCloseTo(0.021, within(1e-12));
        assertThat(link.a()).isCloseTo(10, within(1e-9));
        assertThat(link.pipe()).isCloseTo(21, within(1e-9));
    }

    @Test
    void kuroseRossSaturatesAtThePipe() {
        assertThat(GbnModel.kuroseRossUtilization(1, link)).isCloseTo(1 / 21.0, within(1e-9));
        assertThat(GbnModel.kuroseRossUtilization(21, link)).isEqualTo(1);
        assertThat(GbnModel.kuroseRossUtilization(64, link)).isEqualTo(1);
    }

    @Test
    void stallingsFormOnBothSidesOfThePipe() {
        assertThat(GbnModel.stallingsUtilization(64, 0.1, link)).isCloseTo(0.9 / 3.0, within(1e-9));
        assertThat(GbnModel.stallingsUtilization(4, 0.1, link)).isCloseTo(4 * 0.9 / (21 * 1.3), within(1e-9));
        assertThat(GbnModel.stallingsUtilization(21, 0, link)).isCloseTo(1, within(1e-9));
    }

    @Test
    void withoutLossEveryStrategyIsKuroseRoss() {
        for (Strategy s : Strategy.values()) {
            for (int n : new int[] {1, 2, 8, 21, 64}) {
                int window = s.window(n);
                assertThat(GbnModel.predict(s, n, 0, link, timer).goodputBps()).as(s + " N=" + n)
                        .isCloseTo(GbnModel.goodput(GbnModel.kuroseRossUtilization(window, link), link), within(1e-3));
            }
        }
    }

    @Test
    void stopAndWaitPaysItsTimeoutOncePerLossAndDoublesItForALostRetransmission() {
        double p = 0.1;
        double to = 0.021 + 0.005; // settled: SRTT + G
        double perFrame = 0.021 + p * to + p * p * 2 * to + p * p * p * 4 * to;
        GbnModel.Prediction saw = GbnModel.predict(Strategy.STOP_AND_WAIT, 8, p, link, timer);
        assertThat(saw.timeout()).isCloseTo(to, within(1e-12));
        assertThat(saw.perFrame()).as("the terms up to three losses in a row").isCloseTo(perFrame, within(5e-5));
    }

    @Test
    void aWindowBeyondThePipeWaitsInTheQueueAndItsTimerWithIt() {
        GbnModel.Prediction gbn = GbnModel.predict(Strategy.GO_BACK_N, 64, 0.01, link, GbnModel.Timer.fixed(0.069));
        assertThat(gbn.srtt()).as("Little's law: 64 frames in flight, one leaving each ms").isCloseTo(0.064, within(1e-12));
        // the acknowledgement of k−1 restarts the timer; the window goes again from k: 2d + N·tFrame + G
        assertThat(gbn.lossCost()).isCloseTo(0.020 + 0.064 + 0.005, within(1e-12));
        assertThat(gbn.linkLimited()).isTrue();
        GbnModel.Prediction adaptive = GbnModel.predict(Strategy.GO_BACK_N, 64, 0.01, link, timer);
        assertThat(adaptive.timeout()).as("the bursts after each loss keep RTTVAR up").isGreaterThan(0.064 + 0.005);
        assertThat(adaptive.lossCost()).isCloseTo(0.021 + adaptive.timeout() - 0.001, within(1e-12));
    }

    @Test
    void withoutLossTheTimerSettlesAtTheSteadyRoundTripAndG() {
        assertThat(GbnModel.cycleTimeout(64, 0.021, 0.001, 0.064, 0, timer)).isCloseTo(0.069, within(1e-12));
        assertThat(GbnModel.cycleTimeout(1, 0.021, 0.001, 0.021, 0.1, timer)).as("Stop-and-Wait's round trips never vary")
                .isCloseTo(0.026, within(1e-9));
        assertThat(GbnModel.cycleTimeout(16, 0.021, 0.001, 0.021, 0.05, timer)).as("a burst of 16 spreads them by 15 ms")
                .isGreaterThan(0.026);
    }

    @Test
    void aFixedTimerDoesNotBackOff() {
        GbnModel.Timer fixed = GbnModel.Timer.fixed(0.1);
        double p = 0.2;
        assertThat(GbnModel.repeatedLosses(p, 0.1, fixed)).isCloseTo(p * p / (1 - p) * 0.1, within(1e-9));
        assertThat(GbnModel.predict(Strategy.GO_BACK_N, 4, p, link, fixed).timeout()).isEqualTo(0.1);
    }

    @Test
    void theTimerKeepsWithinItsBounds() {
        assertThat(timer.timeout(0, 0)).isEqualTo(GbnModel.MIN_RTO);
        assertThat(timer.timeout(10, 0)).isEqualTo(3.75);
        assertThat(timer.timeout(0.1, 0.01)).isCloseTo(0.14, within(1e-12));
        assertThat(timer.backedOff(1, 5)).isEqualTo(3.75);
    }

    @Test
    void selectiveRepeatLosesNoLessThanGoBackNAtAnyPoint() {
        for (double d : new double[] {0.001, 0.010}) {
            GbnModel.Link l = new GbnModel.Link(8e6, 1024, 1070, d);
            for (double p : new double[] {0.01, 0.05, 0.1}) {
                for (int n : new int[] {2, 4, 8, 16, 32, 64}) {
                    assertThat(GbnModel.predict(Strategy.SELECTIVE_REPEAT, n, p, l, timer).goodputBps())
                            .as("N=%d p=%s d=%s", n, p, d)
                            .isGreaterThanOrEqualTo(GbnModel.predict(Strategy.GO_BACK_N, n, p, l, timer).goodputBps() * 0.999);
                }
            }
        }
    }

    @Test
    void caveatsNameWhereStallsCrowd() {
        GbnModel.Link l = new GbnModel.Link(8e6, 1024, 1070, 0.001);
        SweepPoint crowded = new SweepPoint(Strategy.GO_BACK_N, 64, 0.05, 1, false);
        assertThat(GbnModel.caveat(crowded, GbnModel.predict(Strategy.GO_BACK_N, 64, 0.05, l, timer)))
                .isEqualTo("stalls crowd: 3.2 per window");
        SweepPoint sparse = new SweepPoint(Strategy.GO_BACK_N, 4, 0.05, 1, false);
        assertThat(GbnModel.caveat(sparse, GbnModel.predict(Strategy.GO_BACK_N, 4, 0.05, l, timer))).isEmpty();
        SweepPoint selective = new SweepPoint(Strategy.SELECTIVE_REPEAT, 64, 0.05, 1, false);
        assertThat(GbnModel.caveat(selective, GbnModel.predict(Strategy.SELECTIVE_REPEAT, 64, 0.05, l, timer)))
                .as("losses in one window share a stall").isEqualTo("stalls crowd: 0.8 per window");
        SweepPoint clean = new SweepPoint(Strategy.GO_BACK_N, 64, 0, 1, false);
        assertThat(GbnModel.caveat(clean, GbnModel.predict(Strategy.GO_BACK_N, 64, 0, l, timer))).isEmpty();
    }

    @Test
    void anIntervalIsPreciseWhenItsHalfWidthIsWithinTheShareOfTheMean() {
        double[] tight = {100, 101, 99, 100};
        double[] loose = {50, 150, 100};
        assertThat(PointStats.precise(tight, 0.05)).isTrue();
        assertThat(PointStats.precise(loose, 0.05)).isFalse();
        assertThat(PointStats.precise(new double[] {100}, 0.05)).as("one value has no interval to judge").isTrue();
        assertThat(PointStats.precise(new double[] {0, 0}, 0.05)).as("nothing measured is never precise").isFalse();
    }

    @Test
    void tQuantiles() {
        assertThat(PointStats.tQuantile(2)).isEqualTo(4.303);
        assertThat(PointStats.tQuantile(3)).isEqualTo(3.182);
        assertThat(PointStats.tQuantile(100)).isEqualTo(1.96);
    }
}
