package chatlab.cmd;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.lab.RunIds;
import chatlab.report.CompareReport;
import chatlab.sim.ServerKind;
import chatlab.workload.Scenario;
import chatlab.workload.ScenarioException;
import chatlab.workload.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab compare}: one scenario, with one seed, against each server in turn (each a whole
 * run of {@code ./lab simulate --server S}, each server started fresh by the lab), and one report
 * that sets their verdicts, throughput and latencies side by side.
 */
@Command(name = "lab compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs one scenario against several servers in turn, with the same seed, and",
                "reports them side by side: each server's verdicts by its own promise, deliveries",
                "a second, and the latencies of sending and of delivery."},
        footer = {"", "Examples:", "  ./lab compare chat-core                              chatlab, mosquitto, ngircd and prosody",
                "  ./lab compare unicast-capacity --servers chatlab,mosquitto",
                "  ./lab compare chat-core --set groups.talk.users=100 --duration 1m",
                "", "Every server must be able to express the scenario: one that cannot is refused, with every reason,",
                "before anything runs.",
                "", "Exit codes: 0 every run passed; 1 a checker found a violation or a threshold failed in some run;",
                "2 bad input or a run could not start; 3 inconclusive: nothing failed but a checker could not decide."})
public final class CompareMain implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario name from simulator/scenarios, or a file.")
    private String scenario;

    @Option(names = "--servers", split = ",", paramLabel = "NAME", description = "The servers, in order, of chatlab, mosquitto, ngircd, prosody, ejabberd and ejabberd-mqtt (default: chatlab,mosquitto,ngircd,prosody).")
    private List<String> servers = List.of("chatlab", "mosquitto", "ngircd", "prosody");

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Change a field of the scenario for every server, as ./lab simulate --set does.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "DURATION", description = "Override the scenario's duration, e.g. 30s.")
    private String duration;

    @Option(names = "--no-faults", description = "Run without proxies, toxics or nemesis.")
    private boolean noFaults;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: reports/compare/<id>).")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new CompareMain(), args);
    }

    /** The servers, each once, and the scenario each can express; throws with every reason it cannot. */
    List<ServerKind> check() throws java.io.IOException {
        List<ServerKind> kinds = new ArrayList<>();
        for (String s : servers) {
            ServerKind k = ServerKind.parse(s);
            if (kinds.contains(k)) {
                throw new IllegalArgumentException("--servers names " + k.key() + " twice");
            }
            kinds.add(k);
        }
        List<String> overrides = new ArrayList<>(sets);
        if (duration != null) {
            overrides.add("duration=" + duration);
        }
        Scenario loaded = ScenarioLoader.load(SimulateMain.locate(scenario), overrides);
        List<String> why = new ArrayList<>();
        for (ServerKind k : kinds) {
            k.refusals(loaded).forEach(r -> why.add(k.key() + ": " + r));
        }
        if (!why.isEmpty()) {
            throw new IllegalArgumentException("scenario " + loaded.name() + " cannot run against every server:\n  "
                    + String.join("\n  ", why));
        }
        return kinds;
    }

    @Override
    public Integer call() throws Exception {
        List<ServerKind> kinds;
        try {
            kinds = check();
        } catch (IllegalArgumentException | ScenarioException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Path dir = RunIds.outputFolder(out, "compare");
        String command = "./lab compare " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String started = Instant.now().toString();
        List<CompareReport.Run> done = new ArrayList<>();
        int worst = 0;
        for (int i = 0; i < kinds.size(); i++) {
            ServerKind k = kinds.get(i);
            System.out.printf("Server %d/%d: %s%n", i + 1, kinds.size(), k.key());
            List<String> args = new ArrayList<>(List.of(scenario, "--server", k.key(), "--out", dir.resolve(k.key()).toString()));
            for (String set : sets) {
                args.addAll(List.of("--set", set));
            }
            if (duration != null) {
                args.addAll(List.of("--duration", duration));
            }
            if (noFaults) {
                args.add("--no-faults");
            }
            int code = new CommandLine(new SimulateMain()).execute(args.toArray(String[]::new));
            if (code == 2) {
                spec.commandLine().getErr().println("error: the run against " + k.key() + " could not start; see above");
                return 2;
            }
            worst = code == 1 || worst == 1 ? 1 : Math.max(worst, code);
            done.add(new CompareReport.Run(k.key(), k.key()));
            Json.write(dir.resolve(CompareReport.FILE), new CompareReport.Comparison(dir.getFileName().toString(), command,
                    Machine.current(), started, i + 1 == kinds.size() ? Instant.now().toString() : null, done));
        }
        Path page = CompareReport.build(dir);
        System.out.println("Comparison: " + page.toAbsolutePath().normalize());
        System.out.print(Files.readString(dir.resolve("summary.md")));
        return worst;
    }
}
