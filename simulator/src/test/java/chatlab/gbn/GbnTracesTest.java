package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.cmd.GbnMain;
import chatlab.p2p.arq.Strategy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which transfers {@code ./lab gbn --trace} traces. */
class GbnTracesTest {
    private static SweepConfig config(String... args) {
        GbnMain main = new GbnMain();
        new CommandLine(main).parseArgs(args);
        return main.config();
    }

    @Test
    void withoutAValueOnePerStrategyAtTheSweepsWindowNearEightLossNearFivePercentAndLongestDelay() {
        List<SweepPoint> points = GbnTraces.points(GbnTraces.DEFAULT, config());
        assertThat(points).containsExactly(new SweepPoint(Strategy.GO_BACK_N, 8, 0.05, 10, false),
                new SweepPoint(Strategy.SELECTIVE_REPEAT, 8, 0.05, 10, false),
                new SweepPoint(Strategy.STOP_AND_WAIT, 1, 0.05, 10, false));
        assertThat(GbnTraces.points(GbnTraces.DEFAULT, config("--quick"))).first()
                .isEqualTo(new SweepPoint(Strategy.GO_BACK_N, 4, 0.05, 5, false));
        assertThat(GbnTraces.points(null, config())).isEmpty();
        assertThat(GbnTraces.fileName(points.getFirst())).isEqualTo("gbn-n8-p0.05-d10ms.jsonl");
    }

    @Test
    void namedPointsAreReadWithTheirUnits() {
        assertThat(GbnTraces.points("gbn:16:5%:2ms, saw:8:0.1:500us", config())).containsExactly(
                new SweepPoint(Strategy.GO_BACK_N, 16, 0.05, 2, false),
                new SweepPoint(Strategy.STOP_AND_WAIT, 1, 0.1, 0.5, false));
        assertThatThrownBy(() -> GbnTraces.point("gbn:8:0.05")).hasMessageContaining("STRATEGY:N:LOSS:DELAY");
        assertThatThrownBy(() -> GbnTraces.point("gbn:8:1.5:2ms")).hasMessageContaining("loss from 0 to below 1");
        assertThatThrownBy(() -> GbnTraces.point("tcp:8:0.1:2ms")).hasMessageContaining("unknown strategy 'tcp'");
    }

    @Test
    void theHelpSaysWhatTraceDoesAndNamesTheTimelineCommand() {
        String help = new CommandLine(new GbnMain()).getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertThat(help).contains("--trace[=POINT,...]", "nearest 5% and longest", "timeline Draws a transfer trace as a time-sequence diagram");
    }

    @Test
    void aPointItCannotReadExitsTwoBeforeTheSweep() {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new GbnMain());
        line.setErr(new PrintWriter(err));
        assertThat(line.execute("--trace", "gbn:eight:0.05:10ms")).isEqualTo(2);
        assertThat(err.toString()).contains("error: --trace point 'gbn:eight:0.05:10ms'");
    }
}
