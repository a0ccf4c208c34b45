package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agreement verdicts: against the report's window-20 speed-up and its t against 3t, with the model's reason. */
class AgreementTest {
    private static final ReplaySetup LAN = Csc573.setup(Map.of());

    /** Three runs at each window, spread by ±1 ms around the two means. */
    private static ReplayTable windows(double ten, double twenty) {
        List<ReplayRow> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            double spread = (r - 2) * 0.001;
            rows.add(ReplayTableTest.window(10, r, ten + spread));
            rows.add(ReplayTableTest.window(20, r, twenty + spread));
        }
        return ReplayTable.of(rows);
    }

    /** Three fan-outs each way, with each transfer of those in turn taking {@code alone}. */
    private static ReplayTable fanOuts(double together, double alone) {
        List<ReplayRow> rows = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            double spread = (r - 2) * 0.0005;
            rows.add(ReplayTableTest.fanOut(ReplayRow.PARALLEL, r, together + spread, List.of(together, together, together)));
            rows.add(ReplayTableTest.fanOut(ReplayRow.IN_TURN, r, 3 * alone + spread,
                    List.of(alone + spread, alone, alone - spread)));
        }
        return ReplayTable.of(rows);
    }

    @Test
    void aSpeedUpWithinTheReportsRangeAgreesAndTheModelSaysWhy() {
        Agreement.Verdict v = Agreement.windows(windows(0.031, 0.016), LAN);
        assertThat(v.level()).isEqualTo(Agreement.Level.AGREES);
        assertThat(v.sentence()).startsWith("Agrees: window 20 sent the file 1.94× as fast as window 10 (31.0 ms ± 2.5 ms "
                + "against 16.0 ms ± 2.5 ms), against 2.5× in the CSC573 report, 1.7–3.3× over its runs.")
                .contains("holds 24.4 frames", "Kurose-Ross predicts 2.00×");
    }

    @Test
    void aSmallerSpeedUpAgreesInDirectionOnly() {
        Agreement.Verdict v = Agreement.windows(windows(0.030, 0.024), LAN);
        assertThat(v.level()).isEqualTo(Agreement.Level.DIRECTION_ONLY);
        assertThat(v.sentence()).startsWith("Agrees in direction only: window 20 sent the file 1.25× as fast");
    }

    @Test
    void overlappingIntervalsOrASlowerWindow20Disagree() {
        assertThat(Agreement.windows(windows(0.030, 0.0295), LAN).sentence())
                .startsWith("Disagrees: windows 10 and 20 took the same time here, within their 95% confidence intervals");
        assertThat(Agreement.windows(windows(0.020, 0.030), LAN).sentence())
                .startsWith("Disagrees: window 20 was slower than window 10 here");
    }

    @Test
    void onAWiredLanBothWindowsFillThePipe() {
        ReplaySetup wired = Csc573.setup(Map.of("--delays", "0.1ms"));
        assertThat(Agreement.pipe(wired)).isLessThan(10);
        assertThat(Agreement.windows(windows(0.010, 0.0099), wired).reason())
                .startsWith("Why: a round trip on the assumed link holds only 3.3 frames")
                .contains("Kurose-Ross predicts no difference");
    }

    @Test
    void tooFewRunsCannotTell() {
        ReplayTable one = ReplayTable.of(List.of(ReplayTableTest.window(10, 1, 0.03), ReplayTableTest.window(20, 1, 0.01)));
        assertThat(Agreement.windows(one, LAN).level()).isEqualTo(Agreement.Level.UNDECIDED);
        assertThat(Agreement.fanOut(one, LAN).sentence()).isEqualTo("Cannot tell: fewer than two fan-outs succeeded each way.");
    }

    @Test
    void tAgainstNearly3tAgrees() {
        Agreement.Verdict v = Agreement.fanOut(fanOuts(0.032, 0.031), LAN);
        assertThat(v.level()).isEqualTo(Agreement.Level.AGREES);
        assertThat(v.finding()).isEqualTo("3 receivers at once took 1.03 t and one after another 3.00 t, where t = 31.0 ms "
                + "is one transfer alone; the CSC573 report found t against 3t.");
    }

    @Test
    void aSharedLinkThatSaturatesAgreesInDirectionOnlyAndSaysSo() {
        Agreement.Verdict v = Agreement.fanOut(fanOuts(0.040, 0.031), LAN);
        assertThat(v.level()).isEqualTo(Agreement.Level.DIRECTION_ONLY);
        assertThat(v.reason()).startsWith("Why: the 3 transfers share the sender's link, and alone each keeps it busy 41% "
                + "of the time: together they would need 123%").contains("predicts 1.23 t at once against 3t in turn");
    }

    @Test
    void onAFastLinkTheThreeFitTogether() {
        ReplaySetup fast = Csc573.setup(Map.of("--rate", "1gbit"));
        assertThat(Agreement.fanOut(fanOuts(0.032, 0.031), fast).reason())
                .startsWith("Why: alone, a transfer at window 10 keeps the sender's link busy 4% of the time, so 3 of them "
                        + "fit on it together");
    }

    @Test
    void noFasterAtOnceDisagrees() {
        assertThat(Agreement.fanOut(fanOuts(0.093, 0.031), LAN).level()).isEqualTo(Agreement.Level.DISAGREES);
    }
}
