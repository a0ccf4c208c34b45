package chatlab.sim;

import chatlab.run.SimulatorResources;

import chatlab.lab.Progress;
import chatlab.nemesis.Nemesis;
import chatlab.workload.Accounts;
import chatlab.workload.GroupSpec;
import chatlab.workload.LoadModel;
import chatlab.workload.Scenario;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The load of one run (or shard): sets up the accounts, starts every simulated user, attacker
 * and open group at the load's start with the nemesis beside them, shows progress, stops them
 * at the end, heals the faults, and drains: every account logs in until no message is left in
 * flight, so that the checkers can hold the server to every acknowledged message.
 */
final class LoadRun implements AutoCloseable {
    private final SimContext ctx;
    private final InetSocketAddress server;
    private final PrintStream console;
    private final List<ClosedUser> closed = new ArrayList<>();
    private final List<OpenGroup> open = new ArrayList<>();
    private final List<ChatSession> drained = new ArrayList<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final InFlight inFlight;
    private SimulatorResources resources;

    LoadRun(Scenario scenario, Accounts accounts, Operations ops, LiveStats stats, Map<String, InetSocketAddress> endpoints,
            Shard shard, InetSocketAddress server, PrintStream console, chatlab.driver.Driver driver) {
        this.ctx = new SimContext(scenario, accounts, ops, stats, endpoints, shard, driver);
        this.server = server;
        this.console = console;
        // the same blocks as Setup makes, from the seed: a shard knows every shard's without seeing them made
        java.util.Set<String> blocks = new java.util.HashSet<>();
        chatlab.workload.BlockPlan.pairs(scenario.seed(), scenario.blocks(), accounts.chatUsers())
                .forEach(p -> blocks.add(chatlab.checker.Audience.pair(p.blocker(), p.blocked())));
        this.inFlight = new InFlight(new chatlab.checker.Audience(accounts.chatUsers(), blocks, accounts.chatGroups()),
                user -> shard.owns(accounts.indexInGroup(user)), driver.promise());
        ops.observe(inFlight);
    }

    void setUp() throws InterruptedException {
        new Setup(ctx, server).run();
    }

    /** Runs the load from {@code loadStartNanos}; returns when it ended, on the run's clock. */
    long run(long loadStartNanos, Nemesis nemesis) throws InterruptedException {
        long heapBefore = SimulatorResources.settledHeap();
        long cpuBefore = SimulatorResources.processCpuNanos();
        long opsBefore = ctx.stats.completed();
        ctx.loadStartNanos(loadStartNanos);
        List<GroupSpec> groups = ctx.scenario.groups();
        long simulated = 0;
        for (int gi = 0; gi < groups.size(); gi++) {
            GroupSpec g = groups.get(gi);
            if (g.model() instanceof LoadModel.Open) {
                OpenGroup group = new OpenGroup(ctx, g, gi);
                open.add(group);
                threads.submit(group);
                simulated += group.pool().size();
                continue;
            }
            for (int i = 0; i < g.users(); i++) {
                if (!ctx.shard.owns(i)) {
                    continue;
                }
                simulated++;
                if (g.chats()) {
                    ClosedUser user = new ClosedUser(ctx, g, gi, i);
                    closed.add(user);
                    threads.submit(user);
                } else {
                    threads.submit(new Attacker(ctx, g, gi, i));
                }
            }
        }
        Thread nemesisThread = Thread.ofPlatform().daemon().name("nemesis").start(nemesis);
        showProgress(loadStartNanos);
        long online = ctx.stats.online.get();
        resources = new SimulatorResources(ctx.shard.toString(), heapBefore, SimulatorResources.settledHeap(),
                SimulatorResources.directBytes(), SimulatorResources.processCpuNanos() - cpuBefore, online, simulated,
                ctx.stats.completed() - opsBefore, chatlab.cli.Carriers.current());
        ctx.stop();
        long loadEnd = ctx.ops.clock().micros();
        nemesisThread.join(5_000);
        nemesis.healAll();
        long settle = ctx.scenario.requestTimeout().toNanos() + 5_000_000_000L;
        for (OpenGroup group : open) {
            group.awaitSessions(settle);
        }
        threads.shutdown();
        threads.awaitTermination(settle, TimeUnit.NANOSECONDS);
        drain();
        return loadEnd;
    }

    private void showProgress(long loadStartNanos) {
        ctx.pauseUntil(loadStartNanos);
        long seconds = ctx.scenario.duration().toSeconds();
        long end = loadStartNanos + ctx.scenario.duration().toNanos();
        long lastCompleted = 0;
        try (Progress progress = new Progress("Load", seconds)) {
            for (long s = 1; s <= seconds; s++) {
                long due = Math.min(end, loadStartNanos + s * 1_000_000_000L);
                waitUntil(due);
                long completed = ctx.stats.completed();
                progress.step(String.format(Locale.ROOT, "%d ops/s, %d online, %d delivered, %d in doubt, %d unexpected failures",
                        completed - lastCompleted, ctx.stats.online.get(), ctx.stats.deliveries.get(),
                        ctx.stats.inDoubt.get(), ctx.stats.unexpected.get()));
                lastCompleted = completed;
            }
        }
        waitUntil(end);
    }

    private static void waitUntil(long nanoTime) {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    /** Every account of this shard logs in again (idle open-pool accounts get a session of their own), and the drain waits. */
    private void drain() {
        List<ChatSession> sessions = new ArrayList<>();
        closed.forEach(u -> sessions.add(u.session()));
        for (OpenGroup group : open) {
            for (String account : group.pool()) {
                GroupSpec g = ctx.scenario.group(ctx.accounts.groupOf(account));
                sessions.add(new ChatSession(ctx, "drain-" + account, account, g));
            }
        }
        drained.addAll(sessions);
        new Drain(ctx, inFlight, console).run(sessions);
    }

    /** What this process used, measured at the end of the load. */
    SimulatorResources resources() {
        return resources;
    }

    /** Logs every session out and closes every connection. */
    @Override
    public void close() {
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ChatSession s : drained) {
                closing.submit(() -> {
                    s.logout();
                    s.shutdown();
                });
            }
        }
        ctx.cleanUp();
    }
}
