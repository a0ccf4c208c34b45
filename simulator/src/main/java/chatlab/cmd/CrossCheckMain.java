package chatlab.cmd;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.lab.RunIds;
import chatlab.report.CrossCheckReport;
import chatlab.sim.Tsung;
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

/** {@code ./lab crosscheck}: the lab's figures against Tsung's, on the same load against mosquitto or ejabberd. */
@Command(name = "lab crosscheck", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Offers the same load to a fresh server twice (mosquitto over MQTT, or ejabberd over XMPP), once",
                "from chatlab's simulator (its MQTT or XMPP driver) and once from Tsung, an established load tool",
                "(Debian's package tsung, installed when missing), and reports their throughput and mean latencies",
                "side by side, whether they agree within 10%%, and what each load generator cost: its cores, its",
                "memory, users per GiB, messages a second per core."},
        footer = {"", "Examples:", "  ./lab crosscheck                                   unicast-capacity against mosquitto",
                "  ./lab crosscheck --server ejabberd                 the same over XMPP",
                "  ./lab crosscheck --set groups.senders.think=50ms   a lighter load",
                "", "The scenario must have one group that only sends unicast messages, with a constant or exponential",
                "think time, and no faults.",
                "", "Exit codes: 0 the two agree within 10%%; 1 they differ by more (the report says why they may);",
                "2 bad input, or a run could not start."})
public final class CrossCheckMain implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "unicast-capacity",
            description = "A scenario name from simulator/scenarios, or a file (default: unicast-capacity).")
    private String scenario;

    @Option(names = "--server", paramLabel = "SERVER", defaultValue = "mosquitto",
            description = "The server both drive: mosquitto (MQTT) or ejabberd (XMPP); default: ${DEFAULT-VALUE}.")
    private String server;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Change a field of the scenario for both, as ./lab simulate --set does.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "DURATION", description = "Override the scenario's duration, e.g. 30s.")
    private String duration;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: reports/crosscheck/<id>).")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new CrossCheckMain(), args);
    }

    @Override
    public Integer call() throws Exception {
        List<String> overrides = new ArrayList<>(sets);
        if (duration != null) {
            overrides.add("duration=" + duration);
        }
        Tsung.Load load;
        Tsung.Target target;
        try {
            target = Tsung.Target.of(server);
            Scenario loaded = ScenarioLoader.load(SimulateMain.locate(scenario), overrides);
            load = Tsung.Load.of(loaded);
            List<String> refused = target.server().refusals(loaded);
            if (!refused.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", refused));
            }
        } catch (IllegalArgumentException | ScenarioException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        if (!Tsung.installed()) {
            spec.commandLine().getErr().println("error: Tsung is not installed: install Debian's package tsung "
                    + "(./lab crosscheck does when it can)");
            return 2;
        }
        Path dir = RunIds.outputFolder(out, "crosscheck");
        String command = "./lab crosscheck " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String started = Instant.now().toString();
        String described = load.users() + " users, each sending a unicast message of " + load.messageSize()
                + " bytes, waiting for its acknowledgement, then thinking " + load.think().toMillis() + " ms"
                + (load.exponential() ? " on average (exponential)" : "") + "; measured for " + load.duration().toSeconds()
                + " s after a warm-up of " + load.warmUp().toSeconds() + " s";
        System.out.println("Cross-check: " + described);
        String name = target.server().key();
        System.out.println("1/2: chatlab's simulator against " + name);
        List<String> args = new ArrayList<>(List.of(scenario, "--server", name, "--no-faults", "--out",
                dir.resolve("chatlab").toString()));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        if (duration != null) {
            args.addAll(List.of("--duration", duration));
        }
        int code = new CommandLine(new SimulateMain()).execute(args.toArray(String[]::new));
        if (code == 2) {
            spec.commandLine().getErr().println("error: the lab's run could not start; see above");
            return 2;
        }
        System.out.println("2/2: Tsung against " + name);
        CrossCheckReport.Tsung tsung = Tsung.run(load, target, dir.resolve("tsung"));
        Json.write(dir.resolve(CrossCheckReport.FILE), new CrossCheckReport.CrossCheck(dir.getFileName().toString(), command,
                Machine.current(), started, Instant.now().toString(), described, name, tsung));
        boolean agree = CrossCheckReport.build(dir);
        System.out.println("Cross-check: " + dir.resolve("index.html").toAbsolutePath().normalize());
        System.out.print(Files.readString(dir.resolve("summary.md")));
        return agree ? 0 : 1;
    }
}
