package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay's parameter set: the report's values, the assumptions, and what the command line changes. */
class Csc573Test {
    private static String source(ReplaySetup setup, String name) {
        return setup.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().source();
    }

    @Test
    void theReportGivesTheWindowsAndReceiversAndEverythingElseIsAnAssumptionThatSaysSo() {
        ReplaySetup setup = Csc573.setup(Map.of());
        assertThat(setup.windows()).containsExactly(10, 20);
        assertThat(setup.receivers()).isEqualTo(3);
        assertThat(setup.fileBytes()).isEqualTo(150 * 1024);
        assertThat(setup.chunkBytes()).isEqualTo(1024);
        assertThat(setup.rateBitsPerSecond()).isEqualTo(100_000_000);
        assertThat(setup.delayMs()).isEqualTo(1);
        assertThat(setup.loss()).isZero();
        assertThat(setup.fixedTimeoutMs()).isNull();
        assertThat(setup.repeats()).isEqualTo(10);
        assertThat(source(setup, "windows")).isEqualTo("the CSC573 report");
        assertThat(source(setup, "receivers")).isEqualTo("the CSC573 report");
        for (String assumed : new String[] {"file", "chunk", "link rate", "one-way delay", "loss",
            "retransmission timeout", "window of the three-receiver runs", "link of the three-receiver runs"}) {
            assertThat(source(setup, assumed)).as(assumed).startsWith("assumed: ");
        }
    }

    @Test
    void theCommandLineWinsAndIsNamedAsTheSource() {
        ReplaySetup setup = Csc573.setup(Map.of("--rate", "10mbit", "--delays", "5ms", "--losses", "0.02",
                "--timeout", "40ms", "--file-size", "64kb", "--repeats", "3", "--seed", "9"));
        assertThat(setup.rateBitsPerSecond()).isEqualTo(10_000_000);
        assertThat(setup.delayMs()).isEqualTo(5);
        assertThat(setup.loss()).isEqualTo(0.02);
        assertThat(setup.fixedTimeoutMs()).isEqualTo(40);
        assertThat(setup.fileBytes()).isEqualTo(64 * 1024);
        assertThat(setup.repeats()).isEqualTo(3);
        assertThat(setup.seed()).isEqualTo(9);
        assertThat(source(setup, "link rate")).isEqualTo("set on the command line");
        assertThat(source(setup, "chunk")).startsWith("assumed: ");
    }

    @Test
    void aReplayTakesOneLinkAndRefusesWhatDoesNotFitWithTheReason() {
        assertThatThrownBy(() -> Csc573.setup(Map.of("--delays", "1ms,10ms")))
                .hasMessage("--delays takes one value with --replicate csc573, not '1ms,10ms'");
        assertThatThrownBy(() -> Csc573.setup(Map.of("--rate", "fast"))).hasMessageStartingWith("--rate: ");
        assertThatThrownBy(() -> Csc573.setup(Map.of("--windows", "4")))
                .hasMessageStartingWith("--windows does not apply to --replicate csc573");
        assertThatThrownBy(() -> Csc573.setup(Map.of("--losses", "1"))).hasMessageContaining("loss rate");
        assertThatThrownBy(() -> Csc573.setup(Map.of("--repeats", "1"))).hasMessageContaining("at least 2 repeats");
    }

    @Test
    void theWindowsOfARepeatShareItsSeedAndRepeatsDoNot() {
        ReplaySetup setup = Csc573.setup(Map.of());
        assertThat(setup.seed(ReplaySetup.WINDOWS, 1)).isEqualTo(Csc573.setup(Map.of()).seed(ReplaySetup.WINDOWS, 1))
                .isNotEqualTo(setup.seed(ReplaySetup.WINDOWS, 2)).isNotEqualTo(setup.seed(ReplaySetup.FAN_OUT, 1));
        assertThat(Csc573.setup(Map.of("--seed", "2")).seed(ReplaySetup.WINDOWS, 1))
                .isNotEqualTo(setup.seed(ReplaySetup.WINDOWS, 1));
        assertThat(setup.steps()).isEqualTo(4 * 10);
    }

    @Test
    void theirFiguresAreTheScreenshotsTimes() {
        assertThat(Csc573.theirMean(20)).isCloseTo(2.901, within(0.001));
        assertThat(Csc573.theirMean(10)).isCloseTo((9.567 + 4.997) / 2, within(0.001));
        assertThat(Csc573.THEIR_SEQUENTIAL_T / Csc573.THEIR_PARALLEL_T).isEqualTo(3);
    }

    @Test
    void theFileIsSeededText() {
        byte[] text = ReplayRunner.text(10_000, 5);
        assertThat(text).hasSize(10_000).isEqualTo(ReplayRunner.text(10_000, 5)).isNotEqualTo(ReplayRunner.text(10_000, 6));
        for (byte b : text) {
            assertThat(b == ' ' || b == '\n' || (b >= 'a' && b <= 'z')).isTrue();
        }
    }
}
