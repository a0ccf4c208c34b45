package chatlab.sim;

import chatlab.driver.Connection;
import chatlab.driver.Driver;
import chatlab.protocol.Timestamps;
import chatlab.workload.Accounts;
import chatlab.workload.Scenario;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/** What every simulated process of a run shares: the scenario, accounts, where to connect, the history, and the stop signal. */
final class SimContext {
    final Scenario scenario;
    final Accounts accounts;
    final Operations ops;
    final LiveStats stats;
    final Map<String, InetSocketAddress> endpoints;
    final Shard shard;
    final Map<String, AccountState> states = new ConcurrentHashMap<>();
    /** The UDP ports of this process's users, for beacons. */
    final Map<String, InetSocketAddress> peers = new ConcurrentHashMap<>();
    /**
     * Direct messages by token: true while held by relays and neither shown nor told expired, in
     * this process; false once settled (shown perhaps before its sender heard it was held). The
     * drain waits for those still held.
     */
    final Map<String, Boolean> directs = new ConcurrentHashMap<>();

    /** How many direct messages relays still hold, as far as this process knows. */
    long directsHeld() {
        return directs.values().stream().filter(Boolean::booleanValue).count();
    }
    private final java.nio.file.Path scratch;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Pacer pacer = new Pacer();
    private volatile Timestamps timestamps = new Timestamps(ZoneId.of("UTC"));
    private volatile long loadStartNanos = Long.MAX_VALUE;

    /** How every client of the run speaks to the server. */
    final Driver driver;

    SimContext(Scenario scenario, Accounts accounts, Operations ops, LiveStats stats,
            Map<String, InetSocketAddress> endpoints, Shard shard, Driver driver) {
        this.driver = driver;
        this.scenario = scenario;
        this.accounts = accounts;
        this.ops = ops;
        this.stats = stats;
        this.endpoints = Map.copyOf(endpoints);
        this.shard = shard;
        try {
            this.scratch = java.nio.file.Files.createTempDirectory("chatlab-sim-files");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A folder for the run's files, contact logs and downloads, deleted at the end. */
    java.nio.file.Path scratch() {
        return scratch;
    }

    /** Deletes the scratch folder. */
    void cleanUp() {
        try (var files = java.nio.file.Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind
        }
    }

    /** {@link System#nanoTime()} when the load begins. */
    long loadStartNanos() {
        return loadStartNanos;
    }

    void loadStartNanos(long value) {
        loadStartNanos = value;
    }

    AccountState state(String user) {
        return states.computeIfAbsent(user, u -> new AccountState());
    }

    /**
     * The client instance every chatting session of the run gives at login: a session of an
     * account takes over that account's stale session, as one application reconnecting does.
     */
    static final String INSTANCE = "chatlab-sim";

    /** How the load's connections are made: five seconds to connect, the scenario's request timeout. */
    Connection.Options options() {
        return Connection.Options.of(Duration.ofSeconds(5), scenario.requestTimeout());
    }

    InetSocketAddress endpoint(String group) {
        return endpoints.get(group);
    }

    Timestamps timestamps() {
        return timestamps;
    }

    void zone(String zone) {
        timestamps = new Timestamps(ZoneId.of(zone));
    }

    void stop() {
        stop.countDown();
        pacer.stop();
    }

    boolean stopping() {
        return stop.getCount() == 0;
    }

    /**
     * Waits until {@code nanoTime} or the stop signal; false if stopped first. The wait ends up to
     * {@link Pacer#TICK_NANOS} late.
     */
    boolean pauseUntil(long nanoTime) {
        return pacer.awaitUntil(nanoTime) && !stopping();
    }

    boolean pause(long nanos) {
        return pauseUntil(System.nanoTime() + nanos);
    }
}
