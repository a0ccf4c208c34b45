package chatlab.sim;

import chatlab.cmd.MergeMain;
import chatlab.cmd.SimulateMain;
import chatlab.run.SimRun;
import chatlab.run.SimulatorResources;

import chatlab.history.Op;
import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.history.Event;
import chatlab.history.HistoryReader;
import chatlab.lab.Json;
import chatlab.metrics.Results;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One run over two simulator processes against one server: set up apart, started together, merged, checked whole. */
class ShardedSimulationIT {
    private static final String SCENARIO = """
            name: shards
            description: two processes, one run
            seed: 8
            duration: 5s
            drain: 10s
            server: {argon2: "m=256,t=1,p=1", rateLimit: 0}
            groups:
              - name: a
                users: 6
                think: {exponential: 200ms}
                mix: {unicast: 50, multicast: 20, broadcast: 20, blockcast: 10}
              - name: b
                model: open
                rate: 3/s
                actions: 2
                users: 4
                think: 50ms
                mix: {unicast: 1}
            """;

    @TempDir
    Path dir;

    @Test
    void twoProcessesMakeOneRunThatIsCheckedWhole() throws Exception {
        Path scenario = Files.writeString(dir.resolve("shards.yaml"), SCENARIO);
        Path out = dir.resolve("run");
        int exit = new CommandLine(new SimulateMain()).execute(scenario.toString(), "--processes", "2", "--no-faults",
                "--out", out.toString());
        Results results = Json.read(out.resolve("results.json"), Results.class);
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(exit).isZero();
        SimRun run = Json.read(out.resolve("run.json"), SimRun.class);
        assertThat(run.shard()).isEqualTo("2 shards");
        assertThat(run.serverCarriers()).as("a run spread over processes leaves the server one carrier per core, as its banner said")
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(run.simulators()).as("and each shard").extracting(SimulatorResources::carriers)
                .containsOnly(Runtime.getRuntime().availableProcessors());
        assertThat(run.simulators()).extracting(SimulatorResources::shard).containsExactlyInAnyOrder("1/2", "2/2");
        assertThat(run.simulators()).as("each process counts its operations and its CPU for them")
                .allSatisfy(sim -> assertThat(sim.cpuMicrosPerOperation()).isPositive());
        assertThat(Files.readString(out.resolve("summary.md"))).contains("of CPU per operation");
        List<Event> history = HistoryReader.readAll(out.resolve("history.jsonl.gz"));
        assertThat(history).filteredOn(e -> e.is(Op.END)).hasSize(1);
        // users of both shards sent, and messages crossed from one process's users to the other's
        assertThat(history).filteredOn(e -> e.is(Op.SEND)).extracting(Event::p).contains("a-0", "a-1");
        assertThat(history).filteredOn(e -> e.is(Op.DELIVER) && e.p().startsWith("a-"))
                .extracting(e -> Integer.parseInt(e.p().substring(2)) % 2).contains(0, 1);
        assertThat(out.resolve("index.html")).isNotEmptyFile();
    }

    @Test
    void mergeRefusesARunWithAShardMissing() throws Exception {
        Path shard = dir.resolve("s1");
        Files.createDirectories(shard);
        Json.write(shard.resolve("run.json"), new SimRun("r", "c", "v", chatlab.lab.Machine.current(), "a", "b", "n", "f",
                "text", false, List.of(), 1, "t", "1/2", "h:1", false, null, 0, 0, 1, 2, 0, List.of()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine merge = new CommandLine(new MergeMain());
        merge.setErr(new PrintWriter(err, true));
        int exit = merge.execute(shard.toString(), "--out", dir.resolve("merged").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("only 1 of 2 shards given");
    }
}
