package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result table: each part's mean and interval, failures counted apart, and t from the transfers made in turn. */
class ReplayTableTest {
    static ReplayRow window(int window, int repeat, double seconds) {
        return new ReplayRow(ReplayRow.WINDOW, window, 1, repeat, 7, seconds, List.of(seconds), 0, 0, null);
    }

    static ReplayRow fanOut(String part, int repeat, double seconds, List<Double> each) {
        return new ReplayRow(part, 10, 3, repeat, 8, seconds, each, 0, 0, null);
    }

    @Test
    void eachPartHasItsMeanAndAStudentTInterval() {
        ReplayTable table = ReplayTable.of(List.of(window(10, 1, 0.030), window(20, 1, 0.015), window(10, 2, 0.032),
                window(20, 2, 0.016), window(10, 3, 0.034), window(20, 3, 0.017),
                ReplayRow.failed(ReplayRow.WINDOW, 20, 1, 4, 9, "the receiver vanished")));
        ReplayTable.Summary ten = table.get(ReplayRow.WINDOW, 10);
        assertThat(ten.n()).isEqualTo(3);
        assertThat(ten.failed()).isZero();
        assertThat(ten.mean()).isCloseTo(0.032, within(1e-12));
        // s = 0.002 over 3 runs: t(2) = 4.303, so the half-width is 4.303 * 0.002 / sqrt(3)
        assertThat(ten.ci()).isCloseTo(4.303 * 0.002 / Math.sqrt(3), within(1e-9));
        ReplayTable.Summary twenty = table.get(ReplayRow.WINDOW, 20);
        assertThat(twenty.n()).isEqualTo(3);
        assertThat(twenty.failed()).isEqualTo(1);
        assertThat(twenty.mean()).isCloseTo(0.016, within(1e-12));
        assertThat(table.get(ReplayRow.WINDOW, 40).n()).isZero();
    }

    @Test
    void oneTransferAloneIsEveryTransferOfTheFanOutsInTurn() {
        List<ReplayRow> rows = new ArrayList<>();
        rows.add(fanOut(ReplayRow.PARALLEL, 1, 0.040, List.of(0.030, 0.035, 0.040)));
        rows.add(fanOut(ReplayRow.IN_TURN, 1, 0.090, List.of(0.029, 0.030, 0.031)));
        rows.add(fanOut(ReplayRow.IN_TURN, 2, 0.093, List.of(0.030, 0.031, 0.032)));
        ReplayTable table = ReplayTable.of(rows);
        assertThat(table.unicast().n()).isEqualTo(6);
        assertThat(table.unicast().mean()).isCloseTo(0.0305, within(1e-12));
        assertThat(table.unicast().window()).isEqualTo(10);
        assertThat(table.fanOut(ReplayRow.IN_TURN).mean()).isCloseTo(0.0915, within(1e-12));
        assertThat(table.fanOut(ReplayRow.PARALLEL).n()).isEqualTo(1);
        assertThat(table.fanOut(ReplayRow.PARALLEL).ci()).isZero();
    }

    @Test
    void timesReadAsMillisecondsBelowASecond() {
        assertThat(ReplayTable.seconds(0.0312)).isEqualTo("31.2 ms");
        assertThat(ReplayTable.seconds(2.9012)).isEqualTo("2.90 s");
    }
}
