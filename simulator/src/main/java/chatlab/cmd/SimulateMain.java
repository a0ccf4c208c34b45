package chatlab.cmd;

import chatlab.run.Analysis;
import chatlab.run.SimRun;
import chatlab.run.SweepRun;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.lab.RunIds;
import chatlab.metrics.Results;
import chatlab.net.Toxiproxies;
import chatlab.net.ToxiproxyUnavailableException;
import chatlab.report.SimReport;
import chatlab.report.SweepReport;
import chatlab.sim.LocalCluster;
import chatlab.sim.ServerKind;
import chatlab.sim.Shard;
import chatlab.sim.SimOptions;
import chatlab.sim.Simulation;
import chatlab.sim.Summary;
import chatlab.sim.Sweep;
import chatlab.workload.Scenario;
import chatlab.workload.ScenarioException;
import chatlab.workload.ScenarioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab simulate}: runs a scenario of simulated users through real faults, checks the history, reports. */
@Command(name = "lab simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs many simulated chat users against a server (one it starts, or --target), through",
                "Toxiproxy faults, records every operation, checks that nothing acknowledged was lost, duplicated or",
                "reordered and that lockout kept its rule, and writes reports/sim/<run-id>/ with charts and index.html."},
        footer = {"", "Scenarios are YAML or JSON files; a bare name is looked up in simulator/scenarios/.",
                "", "Examples:",
                "  ./lab simulate                                   the default scenario, about a minute",
                "  ./lab simulate smoke                             a 15-second first look",
                "  ./lab simulate flaky-network --seed 7            the same faults and workload for seed 7",
                "  ./lab simulate classroom --set groups.students.users=30 --duration 2m",
                "  ./lab simulate broadcast-storm --target tls://127.0.0.1:4242",
                "  ./lab simulate unicast-capacity --sweep groups.senders.think=50ms,25ms,10ms",
                "", "Exit codes: 0 passed; 1 a checker found a violation, a threshold failed, or the run failed;",
                "2 invalid arguments or scenario, or faults asked for without a Toxiproxy; 3 inconclusive: nothing failed",
                "but a checker could not decide. A sweep exits 1 when a step's checker found a violation or a step failed",
                "to run, else 3 when a step was inconclusive: its thresholds mark the steps beyond the knee."})
public final class SimulateMain implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "A scenario file, or the name of one in simulator/scenarios (default: default).")
    private String scenario = "default";

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed: the workload and faults follow from it.")
    private Long seed;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Override how long the load runs, e.g. 30s or 5m.")
    private String duration;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override any field, e.g. groups.office.users=50 or server.maxAttempts=5 (repeatable).")
    private List<String> set = new ArrayList<>();

    @Option(names = "--target", paramLabel = "[tls://|tcp://]HOST:PORT", description = "Drive a running server instead of starting one: tls:// (the default) or tcp:// for a server started with --plaintext.")
    private String target;

    @Option(names = "--server", paramLabel = "NAME", description = "Which server to drive: chatlab (the default), mosquitto or ejabberd-mqtt (MQTT, through the MQTT driver), ngircd (IRC, through the IRC driver), prosody or ejabberd (XMPP, through the XMPP driver); all but chatlab are installed from Debian's packages when missing. The lab starts it on a free loopback port unless --target says where one runs.")
    private String server = "chatlab";

    @Option(names = "--trust", paramLabel = "SHA256:...", description = "With a tls:// target: trust only the certificate with this fingerprint (default: the first one the target presents).")
    private String trust;

    @Option(names = "--tag", paramLabel = "TAG", description = "Prefix of the run's account names, 1-8 lowercase letters or digits (default: sim, or random with --target).")
    private String tag;

    @Option(names = "--processes", paramLabel = "N", description = "Spread the users over N simulator processes on this machine, then merge their runs (default: 1).")
    private int processes = 1;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only part I of N of the users, for runs spread over machines (needs --target); merge the parts with ./lab merge.")
    private String shard;

    @Option(names = "--origin", paramLabel = "EPOCH_MS", description = "The run's clock origin, the same for every shard (default: now).")
    private Long origin;

    @Option(names = "--start-at", paramLabel = "EPOCH_MS", description = "When the load begins, the same for every shard (default: as soon as the accounts are ready).")
    private Long startAt;

    @Option(names = "--await-start", description = "Once set up, print READY and wait for 'START <epoch ms>' on stdin (how --processes starts its shards).")
    private boolean awaitStart;

    @Option(names = "--no-faults", description = "Run without proxies, toxics or nemesis.")
    private boolean noFaults;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: reports/sim/<run-id>).")
    private Path out;

    @Option(names = "--server-heap", paramLabel = "SIZE", description = "Heap of the server the lab starts, e.g. 4g (default: the JVM's).")
    private String serverHeap;

    @Option(names = "--server-carriers", paramLabel = "N", description = "Carrier threads of the chatlab server the lab starts, 1 to 256 (default: half the cores, at least one, beside one simulator process; one per core with --processes). The server and the simulator share the machine; each waking the other's idle threads costs more than the work.")
    private Integer serverCarriers;

    @Option(names = "--carriers", paramLabel = "N", description = "Carrier threads of each simulator process, 1 to 256 (default: the cores the server the lab starts does not get, at least one; with --target or --processes, one per core).")
    private Integer carriers;

    @Option(names = "--shard-heap", paramLabel = "SIZE", description = "With --processes: the heap of each simulator process, e.g. 2g.")
    private String shardHeap;

    @Option(names = "--sweep", paramLabel = "PATH=V1,V2,...", description = "Run the scenario once for each value of one field, each against a fresh server, and chart rate against latency, e.g. groups.senders.think=50ms,25ms,10ms.")
    private String sweep;

    @CommandLine.Mixin
    private chatlab.cli.Verbosity verbosity;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new SimulateMain(), args);
    }

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        PrintStream console = System.out;
        SimOptions options;
        Scenario loaded;
        Path file;
        List<String> overrides = new ArrayList<>(set);
        Sweep steps = null;
        List<Scenario> stepScenarios = new ArrayList<>();
        try {
            file = locate(scenario);
            if (seed != null) {
                overrides.add("seed=" + seed);
            }
            if (duration != null) {
                overrides.add("duration=" + duration);
            }
            loaded = ScenarioLoader.load(file, overrides);
            options = options(file, overrides);
            // before this process's first virtual thread; only a user who asked for carriers is told it came too late
            chatlab.cli.Carriers.use(options.carriers(), carriers != null ? console::println : note -> { });
            serverFaultsAllowed(loaded, options);
            expressible(loaded, options);
            if (sweep != null) {
                steps = Sweep.parse(sweep);
                if (shard != null || awaitStart || origin != null || startAt != null) {
                    throw new IllegalArgumentException("--sweep runs whole runs one after another; it does not go with "
                            + "--shard, --await-start, --origin or --start-at");
                }
                for (int i = 0; i < steps.values().size(); i++) { // every step's scenario is valid before any runs
                    stepScenarios.add(ScenarioLoader.load(file, step(overrides, steps, i)));
                    serverFaultsAllowed(stepScenarios.getLast(), options);
                    expressible(stepScenarios.getLast(), options);
                }
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Path dir = RunIds.outputFolder(out, "sim");
        int code = steps != null ? sweep(file, overrides, steps, stepScenarios, dir, console)
                : run(loaded, options, dir, console);
        if (code == 2 && out == null && !Files.exists(dir.resolve(SweepRun.FILE))) {
            discard(dir); // it never began: leave no half-made run behind
        }
        return code;
    }

    private static void discard(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<String> step(List<String> overrides, Sweep steps, int i) {
        List<String> all = new ArrayList<>(overrides);
        all.add(steps.override(i));
        return all;
    }

    /** Runs each step of a sweep into its own folder, then reports the sweep; its exit code is {@link SweepReport.Findings#exitCode}. */
    private int sweep(Path file, List<String> overrides, Sweep steps, List<Scenario> scenarios, Path dir,
            PrintStream console) throws Exception {
        String started = Instant.now().toString();
        List<String> folders = new ArrayList<>();
        String command = "./lab simulate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        Machine machine = Machine.current();
        for (int i = 0; i < scenarios.size(); i++) {
            console.println("Step " + (i + 1) + "/" + scenarios.size() + ": " + steps.override(i));
            int code = run(scenarios.get(i), options(file, step(overrides, steps, i)),
                    Files.createDirectories(dir.resolve(Sweep.stepFolder(i))), console);
            if (code == 2) {
                return 2;
            }
            folders.add(Sweep.stepFolder(i));
            Json.write(dir.resolve(SweepRun.FILE), new SweepRun(dir.getFileName().toString(), command,
                    scenarios.getFirst().name(), machine, started, i + 1 == scenarios.size() ? Instant.now().toString() : null,
                    steps.path(), steps.values().subList(0, i + 1), folders));
        }
        SweepReport.Findings findings = SweepReport.build(dir);
        SweepReport.print(console, findings, dir);
        return findings.exitCode();
    }

    /** One whole run (or this process's shard of it) into {@code dir}. */
    private int run(Scenario loaded, SimOptions given, Path dir, PrintStream console) throws Exception {
        SimOptions options = given.withRunId(dir.getFileName().toString());
        console.println("Scenario " + loaded.name() + " (seed " + loaded.seed() + ", " + loaded.duration().toSeconds()
                + " s" + (options.shard().whole() ? "" : ", shard " + options.shard()) + ") into " + dir);
        SimRun run;
        try {
            run = processes > 1
                    ? new LocalCluster(SimulateMain.class, loaded, options, processes, shardHeap == null ? List.of() : List.of("-Xmx" + shardHeap),
                            dir, console).run()
                    : new Simulation(loaded, options, dir, console).run();
        } catch (ToxiproxyUnavailableException e) {
            spec.commandLine().getErr().println("error: this scenario injects network faults. " + e.getMessage()
                    + "\nOr run it without faults: --no-faults.");
            return 2;
        }
        if (!options.shard().whole()) {
            console.println("Shard " + options.shard() + " written to " + dir + "; when every shard is done, merge them: "
                    + "./lab merge <shard folders...>");
            return 0;
        }
        return report(console, run, dir);
    }

    /** Analyses a finished run, writes its report, prints the summary; the exit code says whether it passed. */
    static int report(PrintStream console, SimRun run, Path dir) throws IOException {
        Results results = Analysis.analyse(dir);
        SimReport.build(dir);
        Summary.print(console, run, results, chatlab.report.Pauses.of(dir),
                Json.read(dir.resolve(SimRun.SERIES), chatlab.metrics.Series.class), SimReport.serverUse(dir));
        console.println("Report: " + dir.resolve("index.html").toAbsolutePath().normalize());
        return results.outcome().exitCode();
    }

    private SimOptions options(Path file, List<String> overrides) throws IOException {
        chatlab.client.ServerAddress address = target == null ? null : chatlab.client.ServerAddress.parse(target);
        InetSocketAddress targetAddress = address == null ? null : new InetSocketAddress(address.host(), address.port());
        if (trust != null && (address == null || !address.tls())) {
            throw new IllegalArgumentException("--trust goes with a tls:// --target: a server the lab starts is trusted "
                    + "by the fingerprint it prints");
        }
        chatlab.tls.ChannelSecurity security = address == null ? null : !address.tls()
                ? new chatlab.tls.ChannelSecurity.Plaintext() : trust != null ? new chatlab.tls.ChannelSecurity.Pinned(trust)
                : new chatlab.tls.ChannelSecurity.TrustOnFirstUse(chatlab.tls.KnownServers.inMemory(), fingerprint ->
                        System.out.println("Target " + address + " presented certificate " + fingerprint
                                + "; trusting it for this run (pin it with --trust)"));
        Shard part = shard == null ? Shard.WHOLE : Shard.parse(shard);
        if (!part.whole() && targetAddress == null) {
            throw new IllegalArgumentException("--shard needs --target: every shard must drive the same server");
        }
        if (processes < 1 || processes > 64) {
            throw new IllegalArgumentException("--processes must be between 1 and 64, not " + processes);
        }
        if (processes > 1 && !part.whole()) {
            throw new IllegalArgumentException("--processes splits a whole run; it does not go with --shard");
        }
        String runTag = tag != null ? tag : targetAddress == null ? "sim"
                : Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
        if (!runTag.matches("[a-z0-9]{1,8}")) {
            throw new IllegalArgumentException("--tag takes 1 to 8 lowercase letters or digits, not '" + runTag + "'");
        }
        List<String> jvm = serverHeap == null ? List.of() : List.of("-Xmx" + serverHeap);
        ServerKind kind = ServerKind.parse(server);
        if (kind != ServerKind.CHATLAB && (processes > 1 || !part.whole())) {
            throw new IllegalArgumentException("--server " + kind.key() + " runs in one simulator process: leave out "
                    + "--processes and --shard");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        boolean starts = targetAddress == null && kind == ServerKind.CHATLAB;
        if (serverCarriers != null && !starts) {
            throw new IllegalArgumentException("--server-carriers sets the chatlab server the lab starts; it does not go with "
                    + (targetAddress != null ? "--target" : "--server " + kind.key()));
        }
        // the cores are shared out between one simulator process and the server it starts; a run spread over
        // --processes keeps the JDK's default in each (its logins' TLS handshakes starved on one carrier each)
        boolean share = targetAddress == null && processes == 1;
        Integer serverThreads = !starts ? null : serverCarriers != null ? Integer.valueOf(chatlab.cli.Carriers.check(
                serverCarriers, "--server-carriers")) : share ? chatlab.cli.Carriers.serverShare(cores) : null;
        Integer loadThreads = carriers != null ? Integer.valueOf(chatlab.cli.Carriers.check(carriers, "--carriers"))
                : share ? chatlab.cli.Carriers.loadShare(cores) : null;
        return new SimOptions(null, "./lab simulate " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), file, Files.readString(file),
                file.toString().endsWith(".json"), overrides, targetAddress, runTag, part,
                origin == null ? null : Instant.ofEpochMilli(origin), startAt == null ? null : Instant.ofEpochMilli(startAt),
                awaitStart, noFaults, jvm, security, kind, serverThreads, loadThreads);
    }

    /** A scenario the server's protocol cannot express is refused before anything starts, with every reason. */
    private static void expressible(Scenario scenario, SimOptions options) {
        List<String> why = options.server().refusals(scenario);
        if (!why.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " cannot run against "
                    + options.server().key() + ":\n  " + String.join("\n  ", why));
        }
    }

    /** A crash or pause needs the server this process starts: not one given by --target, nor one a coordinator started. */
    private void serverFaultsAllowed(Scenario scenario, SimOptions options) {
        if (!scenario.faultsOnServer() || options.noFaults()) {
            return;
        }
        if (options.target() != null) {
            throw new IllegalArgumentException("this scenario kills or pauses the server, which the lab can do only to "
                    + "a server it starts: leave out --target, or run it with --no-faults");
        }
        if (processes > 1) {
            throw new IllegalArgumentException("this scenario kills or pauses the server, which needs one simulator "
                    + "process: leave out --processes");
        }
    }

    /** A file, or a name in simulator/scenarios/ (with or without .yaml). */
    public static Path locate(String name) {
        Path asFile = Path.of(name);
        if (Files.isRegularFile(asFile)) {
            return asFile;
        }
        Path root = Toxiproxies.projectRoot();
        Path dir = (root == null ? Path.of("") : root).resolve("simulator/scenarios");
        for (String candidate : List.of(name, name + ".yaml", name + ".yml", name + ".json")) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no scenario '" + name + "': not a file, and not in " + dir
                + " (there: " + available(dir) + ")");
    }

    private static String available(Path dir) {
        try (var files = Files.list(dir)) {
            return String.join(", ", files.map(p -> p.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""))
                    .sorted().toList());
        } catch (IOException e) {
            return "none";
        }
    }
}
