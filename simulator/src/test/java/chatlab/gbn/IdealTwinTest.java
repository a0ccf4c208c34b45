package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import chatlab.p2p.arq.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The twin runs the senders' own state machines on the ideal link; the closed form must follow it where it claims to. */
class IdealTwinTest {
    private static final SweepConfig GRID = new SweepConfig(List.of(2, 4, 8, 16, 32, 64), List.of(0.0, 0.01, 0.05, 0.1),
            List.of(1.0, 10.0), List.of(Strategy.GO_BACK_N, Strategy.SELECTIVE_REPEAT, Strategy.STOP_AND_WAIT), 0, 200,
            1024, 8_000_000, 3, 10, 0.05, 4, 1, null, List.of(), 1 << 20);

    private static IdealTwin.Result run(SweepPoint p, long frames, long seed) {
        return IdealTwin.run(p, frames, GRID.settings(p), GRID.rateBitsPerSecond(), GRID.frameBytes(), seed);
    }

    @Test
    void withoutLossTheTwinIsKuroseRossAndNoTimerFires() {
        for (SweepPoint p : GRID.impairedPoints()) {
            if (p.loss() > 0) {
                continue;
            }
            IdealTwin.Result r = run(p, 2000, 1);
            GbnModel.Link link = GRID.link(p);
            assertThat(r.steadyGoodput(1024)).as(p.label())
                    .isCloseTo(GbnModel.goodput(GbnModel.kuroseRossUtilization(p.strategy().window(p.window()), link), link),
                            within(GbnModel.goodput(1, link) * 0.005));
            assertThat(r.retransmissions()).as("spurious retransmissions at " + p.label()).isZero();
        }
    }

    @Test
    void theSameSeedGivesTheSameTransfer() {
        SweepPoint p = new SweepPoint(Strategy.SELECTIVE_REPEAT, 16, 0.05, 10, false);
        assertThat(run(p, 1000, 9)).isEqualTo(run(p, 1000, 9));
        assertThat(run(p, 1000, 9)).isNotEqualTo(run(p, 1000, 10));
    }

    @Test
    void theClosedFormFollowsTheTwinWhereItsAssumptionsHold() {
        for (SweepPoint p : GRID.impairedPoints()) {
            GbnModel.Prediction model = GRID.predict(p);
            if (!GbnModel.caveat(p, model).isEmpty()) {
                continue;
            }
            assertThat(IdealTwin.expected(p, 4096, GRID) / model.goodputBps()).as(p.label()).isCloseTo(1, within(0.10));
        }
    }

    @Test
    void selectiveRepeatIsNeverBehindGoBackNOnTheIdealLink() {
        for (SweepPoint p : GRID.impairedPoints()) {
            if (p.strategy() != Strategy.SELECTIVE_REPEAT || p.loss() == 0) {
                continue;
            }
            SweepPoint gbn = new SweepPoint(Strategy.GO_BACK_N, p.window(), p.loss(), p.delayMs(), false);
            assertThat(IdealTwin.expected(p, 4096, GRID)).as(p.label())
                    .isGreaterThanOrEqualTo(0.97 * IdealTwin.expected(gbn, 4096, GRID));
        }
    }
}
