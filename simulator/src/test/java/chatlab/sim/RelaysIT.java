package chatlab.sim;

import chatlab.cmd.RelaysMain;
import chatlab.run.SimRun;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.checker.Verdict;
import chatlab.lab.Json;
import chatlab.metrics.Results;
import chatlab.report.RelaysReport;
import chatlab.cmd.ReportMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The simulator's direct messages under churn, and {@code ./lab relays} end to end, small: eight
 * users who come and go send each other direct messages, with no relay and with two; the direct
 * checker judges each run, and the sweep's report charts them.
 */
class RelaysIT {
    private static final String SCENARIO = """
            name: relaysit
            seed: 8
            duration: 8s
            drain: 15s
            requestTimeout: 5s
            server: {argon2: "m=256,t=1,p=1", rateLimit: 0}
            groups:
              - name: peers
                users: 8
                think: {exponential: 250ms}
                mix: {dm: 80, leave: 20}
                p2p: {hold: 8s, away: {exponential: 2s}}
            thresholds:
              - errors.unexpected == 0
            """;

    @TempDir
    Path dir;

    @Test
    void relaysDeliverMessagesForUsersWhoAreAwayOnceAndTheSweepChartsIt() throws Exception {
        Path scenario = Files.writeString(dir.resolve("relaysit.yaml"), SCENARIO);
        Path out = dir.resolve("sweep");
        int exit = new CommandLine(new RelaysMain()).execute("--scenario", scenario.toString(), "--relays", "0,2",
                "--away", "2s", "--loss", "0.1", "--out", out.toString());
        assertThat(exit).isZero();

        RelaysReport.Sweep sweep = Json.read(out.resolve(RelaysReport.FILE), RelaysReport.Sweep.class);
        assertThat(sweep.points()).extracting(RelaysReport.Point::relays).containsExactly(0, 2);
        assertThat(sweep.ended()).isNotNull();
        Map<String, Long> none = direct(out.resolve(sweep.points().get(0).folder()));
        Map<String, Long> two = direct(out.resolve(sweep.points().get(1).folder()));
        assertThat(none.get("held")).as("no relay, nothing held").isZero();
        assertThat(none.get("notHeld")).as("messages for users away").isPositive();
        assertThat(two.get("held")).as("two relays hold messages for users away").isPositive();
        assertThat(two.get("relayedArrived") + two.get("expired")).as("each held message arrived or was told expired")
                .isEqualTo(two.get("held"));
        assertThat(two.get("relayedArrived")).isPositive();
        SimRun run = Json.read(out.resolve(sweep.points().get(1).folder()).resolve(SimRun.FILE), SimRun.class);
        assertThat(run.overrides()).contains("groups.peers.p2p.relays=2", "groups.peers.p2p.impair=\"loss=0.1\"");

        for (String file : List.of("index.html", "summary.md", "delivered-0.png", "delay-0.png")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("summary.md"))).contains("| 0 | 2s | 10% |");
        Files.delete(out.resolve("index.html"));
        assertThat(new CommandLine(new ReportMain()).execute("relays", out.toString())).isZero();
        assertThat(out.resolve("index.html")).isNotEmptyFile();
    }

    /** The direct checker's counts for a run, which must be valid. */
    private static Map<String, Long> direct(Path run) throws Exception {
        Results results = Json.read(run.resolve(SimRun.RESULTS), Results.class);
        Verdict direct = results.verdicts().stream().filter(v -> v.checker().equals("direct")).findFirst().orElseThrow();
        assertThat(direct.validity()).as(direct.summary()).isEqualTo(Validity.VALID);
        return direct.counts();
    }
}
