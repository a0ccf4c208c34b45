package chatlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.checker.Verdict;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.metrics.LatencySummary;
import chatlab.metrics.Results;
import chatlab.run.SimRun;
import chatlab.run.SweepRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's findings and page, from step results written by hand. */
class SweepReportTest {
    @TempDir
    Path dir;

    private void step(String folder, double deliveriesPerSecond, double p99, Validity validity, boolean thresholdsMet)
            throws Exception {
        step(folder, deliveriesPerSecond, p99, List.of(new Verdict("delivery", validity, "it", Map.of(), List.of())),
                thresholdsMet);
    }

    private void step(String folder, double deliveriesPerSecond, double p99, List<Verdict> verdicts, boolean thresholdsMet)
            throws Exception {
        Path stepDir = Files.createDirectories(dir.resolve(folder));
        LatencySummary deliver = new LatencySummary(100, p99 / 4, p99 / 2, p99, p99, p99, p99 / 4);
        var thresholds = List.of(new Results.ThresholdResult("deliver.p99 < 100ms", p99, thresholdsMet));
        Json.write(stepDir.resolve(SimRun.RESULTS), new Results(verdicts,
                Map.of("deliver", deliver, "request", deliver),
                new Results.Throughput(40, 0, (long) (deliveriesPerSecond * 40), deliveriesPerSecond / 10,
                        deliveriesPerSecond, 10),
                new Results.Errors(0, 0, 0, 0, Map.of()), thresholds));
    }

    private void sweep(String... values) throws Exception {
        List<String> folders = IntStream.range(0, values.length).mapToObj(i -> "step-" + (i + 1)).toList();
        Json.write(dir.resolve(SweepRun.FILE), new SweepRun("s1", "./lab simulate x --sweep a=...", "x", Machine.current(),
                "then", "now", "groups.a.think", List.of(values), folders));
    }

    @Test
    void theBestStepIsTheFastestThatMetItsThresholds() throws Exception {
        step("step-1", 1000, 20, Validity.VALID, true);
        step("step-2", 3000, 60, Validity.VALID, true);
        step("step-3", 3500, 400, Validity.VALID, false);
        sweep("100ms", "25ms", "5ms");
        SweepReport.Findings f = SweepReport.build(dir);
        assertThat(f.best()).map(SweepReport.Step::value).contains("25ms");
        assertThat(f.violated()).isFalse();
        assertThat(f.incomplete()).isFalse();
        assertThat(SweepReport.finding(f)).isEqualTo("Highest rate that met the thresholds: 3000.0 deliveries/s at "
                + "groups.a.think=25ms (step 2), deliver p99 60.00 ms.");
        assertThat(SweepReport.rows(f)).extracting(r -> r.get(6)).containsExactly("thresholds", "met", "met", "missed");
        for (String file : List.of("index.html", "summary.md", "sweep-latency.png", "sweep-latency.svg", "sweep-rate.png")) {
            assertThat(dir.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(dir.resolve("index.html"))).contains("step-2/index.html", "CHECKED");
    }

    @Test
    void aViolationOrAMissingStepIsReported() throws Exception {
        step("step-1", 1000, 20, Validity.INVALID, true);
        sweep("100ms", "25ms"); // step-2 never wrote its results
        SweepReport.Findings f = SweepReport.build(dir);
        assertThat(f.violated()).isTrue();
        assertThat(f.incomplete()).isTrue();
        assertThat(f.best()).isEmpty();
        assertThat(SweepReport.finding(f)).isEqualTo("No step met its thresholds and checkers.");
        assertThat(SweepReport.rows(f).get(2)).containsExactly("2", "25ms", "-", "-", "-", "no result", "-");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("A CHECKER FOUND A VIOLATION");
    }

    @Test
    void aLostMessageFailsTheSweepEvenBesideAnUndecidedChecker() throws Exception {
        step("step-1", 1000, 20, List.of(new Verdict("delivery", Validity.INVALID, "1 lost", Map.of(), List.of()),
                new Verdict("lockout", Validity.UNKNOWN, "no attack", Map.of(), List.of())), true);
        step("step-2", 2000, 20, Validity.VALID, true);
        sweep("100ms", "25ms");
        SweepReport.Findings f = SweepReport.build(dir);
        assertThat(f.violated()).isTrue();
        assertThat(f.exitCode()).isEqualTo(1);
        assertThat(f.best()).map(SweepReport.Step::value).contains("25ms");
    }

    @Test
    void anUndecidedStepMakesTheSweepInconclusiveAndIsNeverTheBest() throws Exception {
        step("step-1", 1000, 20, Validity.VALID, true);
        step("step-2", 2000, 20, Validity.UNKNOWN, true);
        sweep("100ms", "25ms");
        SweepReport.Findings f = SweepReport.build(dir);
        assertThat(f.violated()).isFalse();
        assertThat(f.undecided()).isTrue();
        assertThat(f.exitCode()).isEqualTo(3);
        assertThat(f.best()).map(SweepReport.Step::value).contains("100ms");
        assertThat(Files.readString(dir.resolve("index.html"))).contains("A CHECKER COULD NOT DECIDE");
    }
}
