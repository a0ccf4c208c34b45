package chatlab.sim;

import chatlab.run.SimRun;

import chatlab.lab.Progress;
import chatlab.workload.Scenario;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one scenario over several simulator processes on this machine, as {@code --processes N}
 * does: one server process (unless there is a target), then N shards against it, each its own
 * JVM with its own file limit. Every shard says READY once its accounts are set up; then all
 * are told the same start. When they are done, their runs are merged into one.
 */
public final class LocalCluster {
    static final String READY = "READY";
    static final String START = "START";
    /** How long the shards may take to set up their accounts. */
    private static final long SETUP_MINUTES = 20;

    /** The class each shard's process runs: the simulator's entry point, which starts this. */
    private final String shardMain;
    private final Scenario scenario;
    private final SimOptions options;
    private final int processes;
    private final List<String> shardJvmOptions;
    private final Path dir;
    private final PrintStream console;

    public LocalCluster(Class<?> shardMain, Scenario scenario, SimOptions options, int processes,
            List<String> shardJvmOptions, Path dir, PrintStream console) {
        this.shardMain = shardMain.getName();
        this.scenario = scenario;
        this.options = options;
        this.processes = processes;
        this.shardJvmOptions = List.copyOf(shardJvmOptions);
        this.dir = dir;
        this.console = console;
    }

    private record Child(Process process, CompletableFuture<Void> ready, Path dir) {
    }

    public SimRun run() throws IOException, InterruptedException {
        LabServer server = null;
        List<Child> children = new ArrayList<>();
        try {
            InetSocketAddress target = options.target();
            chatlab.tls.ChannelSecurity security = options.security();
            if (target == null) {
                server = Simulation.startServer(scenario, dir, options.serverJvmOptions(), options.serverCarriers(),
                        console);
                target = new InetSocketAddress("127.0.0.1", server.port());
                security = server.security();
                console.println("Server: pid " + server.pid() + " on 127.0.0.1:" + server.port() + ", "
                        + security.describe());
            }
            long origin = System.currentTimeMillis();
            for (int i = 1; i <= processes; i++) {
                children.add(start(i, target, security, origin));
            }
            console.println("Shards: " + processes + " simulator processes, setting up their accounts...");
            awaitReady(children);
            long startAt = System.currentTimeMillis() + 2_000;
            for (Child child : children) {
                Writer in = new BufferedWriter(new OutputStreamWriter(child.process().getOutputStream(), StandardCharsets.UTF_8));
                in.write(START + " " + startAt + "\n");
                in.flush();
            }
            awaitEnd(children, startAt);
            Integer serverCarriers = server == null ? null : server.carriers();
            if (server != null) {
                server.close();
                server = null;
            }
            List<Path> shardDirs = children.stream().map(Child::dir).toList();
            return Merge.merge(shardDirs, dir, options.runId(), options.command(), serverCarriers);
        } finally {
            for (Child child : children) {
                child.process().destroyForcibly();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    private Child start(int index, InetSocketAddress target, chatlab.tls.ChannelSecurity security, long origin)
            throws IOException {
        Path shardDir = Files.createDirectories(dir.resolve("shards").resolve(String.valueOf(index)));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(shardJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), shardMain,
                options.scenarioFile().toAbsolutePath().toString()));
        for (String override : options.overrides()) {
            command.addAll(List.of("--set", override));
        }
        boolean plaintext = security instanceof chatlab.tls.ChannelSecurity.Plaintext;
        command.addAll(List.of("--target", (plaintext ? "tcp://" : "tls://") + target.getHostString() + ":"
                + target.getPort()));
        if (security instanceof chatlab.tls.ChannelSecurity.Pinned pinned) {
            command.addAll(List.of("--trust", pinned.fingerprint()));
        }
        command.addAll(List.of("--shard",
                index + "/" + processes, "--tag", options.tag(), "--origin", String.valueOf(origin), "--await-start",
                "--out", shardDir.toString()));
        if (options.noFaults()) {
            command.add("--no-faults");
        }
        if (options.carriers() != null) {
            command.addAll(List.of("--carriers", options.carriers().toString()));
        }
        Process process = new ProcessBuilder(command).redirectError(shardDir.resolve("stderr.log").toFile()).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofVirtual().name("shard-" + index + "-output").start(() -> copy(process, shardDir, ready));
        return new Child(process, ready, shardDir);
    }

    /** Copies a shard's output to its log, noticing when it says READY. */
    private static void copy(Process process, Path shardDir, CompletableFuture<Void> ready) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(shardDir.resolve("stdout.log"))) {
            String line;
            while ((line = out.readLine()) != null) {
                log.write(line + "\n");
                log.flush();
                if (line.startsWith(READY)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("the shard ended before it was ready; see " + shardDir.resolve("stderr.log")));
    }

    private static void awaitReady(List<Child> children) throws IOException, InterruptedException {
        try {
            CompletableFuture.allOf(children.stream().map(Child::ready).toArray(CompletableFuture[]::new))
                    .get(SETUP_MINUTES, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the shards were not set up within " + SETUP_MINUTES + " minutes");
        }
    }

    private void awaitEnd(List<Child> children, long startAt) throws IOException, InterruptedException {
        long seconds = scenario.duration().toSeconds();
        try (Progress progress = new Progress("Load (" + children.size() + " shards)", seconds)) {
            for (long s = 1; s <= seconds; s++) {
                long due = startAt + s * 1000;
                for (long wait = due - System.currentTimeMillis(); wait > 0; wait = due - System.currentTimeMillis()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait * 1_000_000);
                }
                progress.step(children.stream().filter(c -> c.process().isAlive()).count() + " shards running");
            }
        }
        long deadline = System.nanoTime() + scenario.drain().toNanos() + scenario.requestTimeout().toNanos() * 2
                + TimeUnit.MINUTES.toNanos(5);
        for (Child child : children) {
            if (!child.process().waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IOException("a shard did not finish in time; see " + child.dir());
            }
            if (child.process().exitValue() != 0) {
                throw new IOException("a shard failed (exit " + child.process().exitValue() + "); see "
                        + child.dir().resolve("stderr.log"));
            }
        }
        console.println("Shards done at " + Instant.now() + "; merging.");
    }
}
