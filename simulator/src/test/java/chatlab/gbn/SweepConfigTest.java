package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.lab.Seeds;
import chatlab.p2p.arq.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepConfigTest {
    private static SweepConfig config(List<Integer> windows, List<Double> losses) {
        return new SweepConfig(windows, losses, List.of(1.0, 10.0),
                List.of(Strategy.GO_BACK_N, Strategy.SELECTIVE_REPEAT, Strategy.STOP_AND_WAIT), 65_536, 200, 1024, 8_000_000,
                3, 10, 0.05, 4, 1, null, List.of(64), 1 << 20);
    }

    @Test
    void stopAndWaitHasOnePointPerLossAndDelay() {
        SweepConfig c = config(List.of(2, 4, 8), List.of(0.0, 0.1));
        assertThat(c.impairedPoints()).hasSize(2 * 2 * (3 + 3 + 1));
        assertThat(c.impairedPoints()).filteredOn(p -> p.strategy() == Strategy.STOP_AND_WAIT)
                .allSatisfy(p -> assertThat(p.window()).isEqualTo(1));
        assertThat(c.expectedWorkMillis()).as("the points' expected work, and the clean loopback's")
                .isEqualTo(c.impairedPoints().stream().mapToLong(c::expectedWorkMillis).sum() + SweepConfig.CLEAN_WORK_MILLIS)
                .isGreaterThan(28 + SweepConfig.CLEAN_WORK_MILLIS);
    }

    @Test
    void refusesImpossibleGrids() {
        assertThatThrownBy(() -> config(List.of(0), List.of(0.0))).hasMessageContaining("windows");
        assertThatThrownBy(() -> config(List.of(4), List.of(1.0))).hasMessageContaining("loss");
        assertThatThrownBy(() -> new SweepConfig(List.of(4), List.of(0.0), List.of(1.0), List.of(Strategy.GO_BACK_N), 0,
                200, 1024, 8_000_000, 5, 3, 0.05, 4, 1, null, List.of(), 1)).hasMessageContaining("cap");
        assertThatThrownBy(() -> new SweepConfig(List.of(4), List.of(0.0), List.of(1.0), List.of(Strategy.GO_BACK_N), 0,
                200, 1024, 8_000_000, 3, 10, 0, 4, 1, null, List.of(), 1)).hasMessageContaining("precision");
        assertThatThrownBy(() -> new SweepConfig(List.of(4), List.of(0.0), List.of(1.0), List.of(Strategy.GO_BACK_N), 0,
                200, 1024, 8_000_000, 3, 10, 0.05, SweepConfig.MAX_PARALLEL + 1, 1, null, List.of(), 1)).hasMessageContaining("parallel");
    }

    @Test
    void eachPointsFileLastsItsRoundTripsWithinItsBounds() {
        SweepConfig c = new SweepConfig(List.of(4, 64), List.of(0.0), List.of(10.0), List.of(Strategy.GO_BACK_N,
                Strategy.STOP_AND_WAIT), 0, 200, 1024, 8_000_000, 3, 10, 0.05, 4, 1, null, List.of(), 1);
        SweepPoint saw = new SweepPoint(Strategy.STOP_AND_WAIT, 1, 0, 10, false);
        assertThat(c.frames(saw)).as("one frame per round trip").isEqualTo(200);
        SweepPoint wide = new SweepPoint(Strategy.GO_BACK_N, 64, 0, 10, false);
        assertThat(c.frames(wide)).as("the link's pace for 200 round trips of 21.07 ms").isBetween(3900L, 3950L);
        SweepConfig fixed = new SweepConfig(List.of(4), List.of(0.0), List.of(10.0), List.of(Strategy.GO_BACK_N), 65_536,
                200, 1024, 8_000_000, 3, 10, 0.05, 4, 1, null, List.of(), 1);
        assertThat(fixed.frames(wide)).isEqualTo(64);
    }

    @Test
    void seedsDeriveTheSameWayEveryTime() {
        assertThat(Seeds.derive(1, 3, 2)).isEqualTo(Seeds.derive(1, 3, 2));
        assertThat(Seeds.derive(1, 3, 2)).isNotEqualTo(Seeds.derive(1, 2, 3));
        assertThat(Seeds.derive(2, 3, 2)).isNotEqualTo(Seeds.derive(1, 3, 2));
    }

    @Test
    void everyStrategyAtAPointMeetsTheSameLinkAndEveryOtherPointAnother() {
        SweepConfig c = config(List.of(2, 4, 8), List.of(0.0, 0.1));
        SweepPoint gbn = new SweepPoint(Strategy.GO_BACK_N, 8, 0.1, 10.0, false);
        SweepPoint sr = new SweepPoint(Strategy.SELECTIVE_REPEAT, 8, 0.1, 10.0, false);
        assertThat(c.seed(sr, 2)).isEqualTo(c.seed(gbn, 2));
        assertThat(c.impairedPoints().stream().flatMap(p -> List.of(1, 2, 3).stream().map(r -> c.seed(p, r)))
                .distinct().count())
                .as("one seed per window, loss, delay and repeat")
                .isEqualTo(2L * 2 * 4 * 3);
    }
}
