package chatlab.sim;

import chatlab.cmd.SimulateMain;
import chatlab.run.SimRun;
import chatlab.run.SweepRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chatlab.checker.Validity;
import chatlab.lab.Json;
import chatlab.metrics.Results;
import chatlab.report.HeadlessBrowser;
import chatlab.cmd.ReportMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --sweep} end to end: a short scenario run twice against fresh servers, and the sweep's report. */
class SweepIT {
    private static final String SCENARIO = """
            name: sweepit
            seed: 3
            duration: 3s
            warmUp: 1s
            drain: 5s
            requestTimeout: 3s
            server: {argon2: "m=256,t=1,p=1", rateLimit: 0}
            groups:
              - name: pair
                users: 4
                think: 200ms
                mix: {unicast: 1}
            thresholds:
              - deliver.p99 < 5s
            """;

    @TempDir
    Path dir;

    @Test
    void eachValueIsARunOfItsOwnAndTheSweepIsReported() throws Exception {
        Path scenario = Files.writeString(dir.resolve("sweepit.yaml"), SCENARIO);
        Path out = dir.resolve("sweep");
        int exit = new CommandLine(new SimulateMain()).execute(scenario.toString(), "--sweep",
                "groups.pair.think=200ms,50ms", "--out", out.toString());
        assertThat(exit).isZero();

        SweepRun sweep = Json.read(out.resolve(SweepRun.FILE), SweepRun.class);
        assertThat(sweep.values()).containsExactly("200ms", "50ms");
        assertThat(sweep.steps()).containsExactly("step-1", "step-2");
        assertThat(sweep.ended()).isNotNull();
        for (int i = 0; i < 2; i++) {
            Path step = out.resolve(sweep.steps().get(i));
            SimRun run = Json.read(step.resolve(SimRun.FILE), SimRun.class);
            assertThat(run.overrides()).containsExactly("groups.pair.think=" + sweep.values().get(i));
            assertThat(Json.read(step.resolve(SimRun.RESULTS), Results.class).validity()).isEqualTo(Validity.VALID);
        }
        double slow = Json.read(out.resolve("step-1/results.json"), Results.class).throughput().deliveriesPerSecond();
        double fast = Json.read(out.resolve("step-2/results.json"), Results.class).throughput().deliveriesPerSecond();
        assertThat(fast).as("a quarter of the think time, more messages").isGreaterThan(slow * 1.5);
        for (String file : List.of("index.html", "summary.md", "sweep-latency.png", "sweep-rate.png")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("summary.md"))).contains("Highest rate that met the thresholds");

        Files.delete(out.resolve("index.html"));
        Files.delete(out.resolve("step-2/results.json"));
        assertThat(new CommandLine(new ReportMain()).execute("sim", out.toString())).isZero();
        assertThat(out.resolve("index.html")).isNotEmptyFile();
        assertThat(out.resolve("step-2/results.json")).isNotEmptyFile();

        assumeTrue(HeadlessBrowser.available(), "no Chromium here: " + HeadlessBrowser.HOW_TO_INSTALL);
        String dom = HeadlessBrowser.dumpDom(out.resolve("index.html"));
        assertThat(dom).as("both charts displayed").contains("data-charts-shown=\"2/2\"");
        assertThat(dom).contains("Highest rate that met the thresholds", "step-1/index.html");
    }

    @Test
    void aBadValueIsRefusedBeforeAnyStepRuns() throws Exception {
        Path scenario = Files.writeString(dir.resolve("sweepit.yaml"), SCENARIO);
        Path out = dir.resolve("bad");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new SimulateMain());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cli.execute(scenario.toString(), "--sweep", "groups.pair.think=200ms,soon", "--out", out.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("groups[0].think", "soon");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSweepIsWholeRunsAndRefusesAShard() throws Exception {
        Path scenario = Files.writeString(dir.resolve("sweepit.yaml"), SCENARIO);
        Path out = dir.resolve("shard");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new SimulateMain());
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cli.execute(scenario.toString(), "--sweep", "groups.pair.think=200ms,50ms", "--target", "127.0.0.1:9",
                "--shard", "1/2", "--out", out.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sweep runs whole runs one after another");
        assertThat(out).doesNotExist();
    }
}
