package chatlab.sim;

import chatlab.run.SimRun;

import chatlab.history.Event;
import chatlab.history.HistoryWriter;
import chatlab.history.Op;
import chatlab.history.RunClock;
import chatlab.history.Type;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.nemesis.Nemesis;
import chatlab.nemesis.ServerControl;
import chatlab.net.ProxiedEndpoint;
import chatlab.net.Toxiproxies;
import chatlab.net.ToxiproxyEnvironment;
import chatlab.stats.ProcessStats;
import chatlab.workload.Accounts;
import chatlab.workload.GroupSpec;
import chatlab.workload.LoadModel;
import chatlab.workload.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a scenario, start to end: the server (started here, or a target), the proxies and
 * their standing toxics, the accounts, the load with its fault schedule, the drain that lets
 * every message arrive, and the run's files. It leaves nothing behind: faults healed, proxies
 * deleted, the server it started stopped.
 */
public final class Simulation {
    /** How long the drain waits with no new delivery before it calls the run quiet. */
    static final Duration QUIET = Duration.ofSeconds(2);

    private final Scenario scenario;
    private final SimOptions options;
    private final Path dir;
    private final PrintStream console;
    private final LiveStats stats = new LiveStats();

    public Simulation(Scenario scenario, SimOptions options, Path dir, PrintStream console) {
        this.scenario = options.noFaults() ? scenario.withoutFaults() : scenario;
        this.options = options;
        this.dir = dir;
        this.console = console;
    }

    /** Runs the scenario and writes {@code run.json} and the history; the analysis comes after. */
    public SimRun run() throws IOException, InterruptedException {
        String started = Instant.now().toString();
        Instant origin = options.origin() != null ? options.origin() : Instant.now();
        RunClock clock = new RunClock(origin);
        Accounts accounts = new Accounts(scenario, options.tag());
        LabServer server = null;
        chatlab.driver.PeerServer broker = null;
        chatlab.lab.PidStats brokerStats = null;
        ToxiproxyEnvironment toxiproxy = null;
        Map<String, ProxiedEndpoint> proxies = new LinkedHashMap<>();
        Map<String, ProxiedEndpoint> fronts = new LinkedHashMap<>();
        try (HistoryWriter history = HistoryWriter.open(dir.resolve(SimRun.HISTORY));
                ProcessStats own = ProcessStats.start(dir.resolve(SimRun.SIMULATOR_STATS), Duration.ofSeconds(1),
                        () -> Map.of("online", stats.online.get(), "deliveries", stats.deliveries.get()))) {
            InetSocketAddress target;
            chatlab.tls.ChannelSecurity security;
            if (options.target() == null && options.server().program() != null) {
                broker = chatlab.driver.PeerServer.start(options.server().program(), dir.resolve(options.server().key()));
                brokerStats = chatlab.lab.PidStats.start(dir.resolve(SimRun.SERVER_STATS), broker::pid, Duration.ofSeconds(1));
                target = broker.address();
                security = new chatlab.tls.ChannelSecurity.Plaintext();
                console.println("Server: " + broker.name() + ", pid " + broker.pid() + " on " + target.getHostString() + ":"
                        + target.getPort() + ", " + options.server().speaks());
            } else if (options.target() == null) {
                server = startServer(scenario, dir, options.serverJvmOptions(), options.serverCarriers(), console);
                target = new InetSocketAddress("127.0.0.1", server.port());
                security = server.security();
                console.println("Server: pid " + server.pid() + " on " + target.getHostString() + ":" + target.getPort()
                        + ", " + security.describe());
            } else {
                target = options.target();
                security = options.security();
            }
            if (scenario.needsToxiproxy()) {
                toxiproxy = Toxiproxies.locate(Toxiproxies.projectRoot(), scenario.seed());
                console.println("Toxiproxy: " + toxiproxy.description());
                for (GroupSpec g : scenario.groups()) {
                    if (g.proxy()) {
                        String name = "chatlab-sim-" + options.tag() + "-" + g.name()
                                + (options.shard().whole() ? "" : "-" + options.shard().index());
                        ProxiedEndpoint faults = toxiproxy.proxy(name + "-nemesis", target.getHostString(), target.getPort());
                        proxies.put(g.name(), faults);
                        fronts.put(g.name(), front(toxiproxy, name, faults, g));
                    }
                }
            }
            Map<String, InetSocketAddress> endpoints = new LinkedHashMap<>();
            for (GroupSpec g : scenario.groups()) {
                ProxiedEndpoint proxy = fronts.get(g.name());
                endpoints.put(g.name(), proxy == null ? target : new InetSocketAddress(proxy.host(), proxy.port()));
            }
            Operations ops = new Operations(history, clock, stats);
            chatlab.driver.Driver driver = options.server().driver(security, scenario);
            LoadRun load = new LoadRun(scenario, accounts, ops, stats, endpoints, options.shard(), target, console, driver);
            load.setUp();
            Instant startAt = startAt();
            long loadStart = startAt != null ? startAt.toEpochMilli() * 1000 - clock.originEpochMicros()
                    : clock.micros() + 500_000;
            long loadStartNanos = clock.nanoTimeAt(loadStart);
            ServerControl control = server != null ? server : broker != null ? new BrokerControl(broker, console)
                    : ServerControl.NONE;
            Nemesis nemesis = new Nemesis(scenario.faultWindows(), proxies, control,
                    loadStartNanos, ops::event, proxy -> options.server() != ServerKind.CHATLAB || forwards(proxy, security));
            long loadEnd = load.run(loadStartNanos, nemesis);
            ops.event(Event.of(0, "sim", Type.EVENT, Op.END, null));
            long end = clock.micros();
            load.close();
            history.close();
            String ended = Instant.now().toString();
            SimRun run = new SimRun(options.runId(), options.command(), chatlab.server.Version.get(), Machine.current(),
                    started, ended, scenario.name(), options.scenarioFile().toString(), options.scenarioText(),
                    options.scenarioJson(), options.overrides(), scenario.seed(), options.tag(),
                    options.shard().toString(), (security instanceof chatlab.tls.ChannelSecurity.Plaintext ? "tcp://" : "tls://")
                            + target.getHostString() + ":" + target.getPort(), options.target() == null,
                    toxiproxy == null ? null : toxiproxy.description(), clock.originEpochMicros(), loadStart, loadEnd,
                    end, history.count(), List.of(load.resources()), driver.name(), driver.promise(),
                    server == null ? null : server.carriers());
            Json.write(dir.resolve(SimRun.FILE), run);
            return run;
        } finally {
            for (ProxiedEndpoint proxy : proxies.values()) {
                try {
                    proxy.heal();
                } catch (RuntimeException e) {
                    // the proxy goes with its Toxiproxy below
                }
            }
            if (toxiproxy != null) {
                toxiproxy.close();
            }
            if (server != null) {
                server.close();
            }
            if (brokerStats != null) {
                brokerStats.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    /**
     * The proxy a group's clients connect to. Standing toxics get a proxy of their own in front of
     * the one the nemesis changes: Toxiproxy interrupts and restarts every toxic of a proxy when
     * another is added or removed, and draws a toxic's share of connections anew each time, so a
     * black hole on a share of connections would let some streams go on after dropping data, a
     * hole no real network makes. Chained, the standing toxics are never touched again.
     */
    private static ProxiedEndpoint front(ToxiproxyEnvironment toxiproxy, String name, ProxiedEndpoint faults, GroupSpec g) {
        if (g.toxics().isEmpty()) {
            return faults;
        }
        ProxiedEndpoint front = toxiproxy.proxy(name, faults.host(), faults.port());
        for (int i = 0; i < g.toxics().size(); i++) {
            front.add("standing-" + i, g.toxics().get(i));
        }
        return front;
    }

    /**
     * Whether a proxy still carries a new connection to the server and back: a handshake through
     * it must be answered within two seconds.
     */
    static boolean forwards(ProxiedEndpoint proxy, chatlab.tls.ChannelSecurity security) {
        try (java.net.Socket probe = security.connect(proxy.host(), proxy.port(), Duration.ofSeconds(2))) {
            probe.setSoTimeout(2_000);
            probe.getOutputStream().write(("{\"type\":\"hello\",\"id\":1,\"version\":" + chatlab.protocol.Protocol.VERSION
                    + ",\"client\":\"chatlab-nemesis-probe\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            probe.getOutputStream().flush();
            return probe.getInputStream().read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** When the load begins: as given, as a coordinator says once this process is ready, or (null) at once. */
    private Instant startAt() throws IOException {
        if (options.loadStartAt() != null) {
            return options.loadStartAt();
        }
        if (!options.awaitStart()) {
            return null;
        }
        System.out.println(LocalCluster.READY + " " + options.shard());
        System.out.flush();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith(LocalCluster.START + " ")) {
            throw new IOException("expected '" + LocalCluster.START + " <epoch ms>' on stdin, got " + line);
        }
        return Instant.ofEpochMilli(Long.parseLong(line.substring(LocalCluster.START.length() + 1).strip()));
    }

    /** Starts the server for a run: its own JVM, a fresh database, the scenario's settings, stats into the run. */
    static LabServer startServer(Scenario scenario, Path dir, List<String> jvmOptions, Integer carriers,
            PrintStream console)
            throws IOException {
        Path db = Files.createTempDirectory("chatlab-sim").resolve("chatlab.db");
        List<String> args = new ArrayList<>(List.of("--port", "0", "--db", db.toString(), "--zone", "UTC",
                "--max-attempts", String.valueOf(scenario.server().maxAttempts()),
                "--block-seconds", String.valueOf(scenario.server().blockDuration().toSeconds()),
                "--argon2", scenario.server().argon2(), "--rate-limit", String.valueOf(scenario.server().rateLimit()),
                "--idle-timeout", scenario.server().idleTimeout().toSeconds() + "s",
                "--stats", dir.resolve(SimRun.SERVER_STATS).toString(), "--stats-every", "1s"));
        if (!scenario.server().tls()) {
            args.add("--plaintext");
        }
        if (carriers != null) {
            args.addAll(List.of("--carriers", carriers.toString()));
        }
        return LabServer.start(jvmOptions, args, console);
    }

}
