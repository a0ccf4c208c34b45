package chatlab.sim;

import chatlab.run.Analysis;
import chatlab.run.SimRun;

import chatlab.history.Op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chatlab.checker.Validity;
import chatlab.history.Event;
import chatlab.history.HistoryReader;
import chatlab.history.Type;
import chatlab.lab.Json;
import chatlab.metrics.Results;
import chatlab.net.NeedsToxiproxy;
import chatlab.report.HeadlessBrowser;
import chatlab.cmd.ReportMain;
import chatlab.workload.Accounts;
import chatlab.workload.Behaviour;
import chatlab.workload.Scenario;
import chatlab.workload.Step;
import chatlab.workload.UserPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A small run end to end, on every CI run: a server process, one group through a real Toxiproxy
 * that partitions it, another direct, phones beaconing and sending files over lossy UDP, an
 * attacker; then the checkers, the report files, the report rebuilt from them alone, and the
 * page in a real browser.
 */
class SimulationIT {
    private static final String SCENARIO = """
            name: it
            description: a small run with a partition
            seed: 5
            duration: 8s
            warmUp: 1s
            drain: 10s
            requestTimeout: 3s
            server: {maxAttempts: 2, blockDuration: 2s, argon2: "m=256,t=1,p=1", rateLimit: 0}
            blocks: {share: 0.3, each: 1}
            groups:
              - name: cut
                users: 4
                think: {exponential: 200ms}
                network:
                  toxics:
                    - {type: latency, latency: 5ms}
                mix: {unicast: 40, multicast: 10, broadcast: 10, blockcast: 10, post: 10, read: 10, relogin: 10, group: 10, status: 10}
              - name: steady
                users: 4
                think: {exponential: 200ms}
                mix: {unicast: 50, multicast: 20, broadcast: 10, blockcast: 20, group: 20}
              - name: walkin
                model: open
                rate: 2/s
                actions: 3
                users: 4
                think: 100ms
                mix: {unicast: 1, read: 1}
              - name: phones
                users: 3
                think: {exponential: 300ms}
                mix: {beacon: 50, upload: 20, sendFile: 30}
                p2p: {impair: "loss=0.02", fileSize: [2kb, 16kb]}
              - name: thief
                users: 1
                victims: 1
                think: 150ms
                mix: {wrongPassword: 4, rightPassword: 1}
            nemesis:
              - {fault: partition, groups: [cut], at: 3s, duration: 2s}
            thresholds:
              - errors.unexpected == 0
            """;

    @TempDir
    Path dir;

    @Test
    void aRunThroughAPartitionKeepsEveryPromiseAndReportsIt() throws Exception {
        NeedsToxiproxy.assume();
        ScenarioRun simulated = ScenarioRun.of(dir, SCENARIO);
        Path out = simulated.out();
        Results results = simulated.results();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(simulated.exit()).isZero();
        assertThat(results.verdicts()).extracting(v -> v.checker()).containsExactly("delivery", "lockout", "files",
                "tracing");
        assertThat(results.throughput().loadSeconds()).as("the load after the warm-up").isBetween(6.9, 7.5);
        for (String file : List.of("run.json", "history.jsonl.gz", "results.json", "series.json", "server-stats.jsonl",
                "histograms/deliver.hlog", "histograms/login.hlog", "index.html", "summary.md", "latency-deliver.png",
                "latency-deliver.svg", "throughput.png", "users.png", "latency-distribution.png", "server.png", "pauses.png", "simulator-stats.jsonl")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("summary.md")))
                .containsPattern("(?m)^Server: [0-9.]+ of a core over the measured [0-9]+ s, [0-9]+ µs of its CPU per delivery, "
                        + "on [0-9]+ carrier threads?; resident memory [0-9.]+ MiB at start and [0-9.]+ MiB at most under the "
                        + "load: [0-9.]+ KiB per connection \\(its (slope against the users online|growth by the most online)\\), "
                        + "with [0-9,]+ online at most\\.$")
                .containsPattern("(?m)^Simulator 1/1: .* of CPU per operation, on [0-9]+ carrier threads?\\.$");
        assertThat(simulated.console()).containsPattern("  server: [0-9.]+ of a core over the measured");
        SimRun run = Json.read(out.resolve("run.json"), SimRun.class);
        assertThat(run.seed()).isEqualTo(5);
        assertThat(run.serverCarriers()).as("the server the lab starts gets half the cores, as its banner said")
                .isEqualTo(chatlab.cli.Carriers.serverShare(Runtime.getRuntime().availableProcessors()));
        assertThat(run.simulators().getFirst().carriers()).as("what this JVM's virtual threads run on")
                .isEqualTo(chatlab.cli.Carriers.current());
        assertThat(run.scenarioText()).isEqualTo(SCENARIO);

        List<Event> history = HistoryReader.readAll(out.resolve("history.jsonl.gz"));
        assertThat(history).filteredOn(e -> e.is(Op.FAULT)).extracting(e -> e.fault().phase())
                .containsExactly("start", "stop");
        assertThat(history).as("the partition cut the group off").anyMatch(e -> e.is(Op.LOST) && e.u().contains("-cut-"));
        assertThat(history).filteredOn(e -> e.is(Op.DELIVER)).hasSizeGreaterThan(20);
        followsItsPlan(history, Analysis.scenario(run), new Accounts(Analysis.scenario(run), run.tag()));

        Files.delete(out.resolve("index.html"));
        Files.delete(out.resolve("results.json"));
        assertThat(new CommandLine(new ReportMain()).execute("sim", out.toString())).isZero();
        assertThat(out.resolve("index.html")).isNotEmptyFile();
        assertThat(Json.read(out.resolve("results.json"), Results.class).validity()).isEqualTo(Validity.VALID);

        Path kept = dir.resolve("history.jsonl.gz");
        Files.move(out.resolve("history.jsonl.gz"), kept); // as in reports/reference/sim: the page from the results alone
        Files.delete(out.resolve("index.html"));
        assertThat(new CommandLine(new ReportMain()).execute("sim", out.toString())).isZero();
        assertThat(out.resolve("index.html")).isNotEmptyFile();
        Files.move(out.resolve("results.json"), dir.resolve("results.json"));
        assertThat(new CommandLine(new ReportMain()).execute("sim", out.toString())).as("nothing to report from").isEqualTo(2);
        Files.move(dir.resolve("results.json"), out.resolve("results.json"));
        Files.move(kept, out.resolve("history.jsonl.gz"));

        assumeTrue(HeadlessBrowser.available(), "no Chromium here: " + HeadlessBrowser.HOW_TO_INSTALL);
        String dom = HeadlessBrowser.dumpDom(out.resolve("index.html"));
        Matcher shown = Pattern.compile("data-charts-shown=\"(\\d+)/(\\d+)\"").matcher(dom);
        assertThat(shown.find()).as("the page reports its charts").isTrue();
        assertThat(shown.group(1)).as("charts the browser displayed").isEqualTo(shown.group(2));
        assertThat(Integer.parseInt(shown.group(2))).isEqualTo(7);
        assertThat(dom).contains("PASSED", "delivery", "lockout", "partition on cut", "latency 5ms on cut", "standing latency",
                "Pauses of the processes themselves",
                "a warm-up, left out");
    }

    /** A user away from the faults sends exactly what its seeded plan says, in order. */
    private static void followsItsPlan(List<Event> history, Scenario scenario, Accounts accounts) {
        String user = accounts.users("steady").get(2);
        List<Event.Chat> sent = history.stream().filter(e -> e.is(Op.SEND) && e.type() == Type.INVOKE && e.u().equals(user))
                .map(Event::chat).toList();
        assertThat(sent).hasSizeGreaterThan(5);
        UserPlan plan = new UserPlan(scenario.seed(), 1, 2, scenario.group("steady"), accounts, user);
        List<Step> planned = plan.first(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Step step = planned.get(i);
            assertThat(sent.get(i).mode()).isEqualTo(step.action().behaviour().key());
            assertThat(step.action().behaviour() == Behaviour.BLOCKCAST ? sent.get(i).except() : sent.get(i).to())
                    .isEqualTo(step.action().behaviour() == Behaviour.BLOCKCAST ? step.action().except() : step.action().to());
            if (step.action().behaviour() == Behaviour.GROUP) {
                assertThat(sent.get(i).group()).isEqualTo(accounts.chatGroup("steady"));
            }
        }
        assertThat(sent).as("the steady group writes to its named group").anyMatch(c -> c.mode().equals("group"));
        assertThat(history).as("the cut group changes its statuses").anyMatch(e -> e.is(Op.STATUS) && e.type() == Type.OK);
    }

}
