package chatlab.sim;

import chatlab.driver.Connection;
import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.lab.Progress;
import chatlab.net.toxic.Bandwidth;
import chatlab.net.toxic.Direction;
import chatlab.net.toxic.Slicer;
import chatlab.net.toxic.Toxic;
import chatlab.p2p.impair.Units;
import chatlab.workload.GroupSpec;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * After the load: every account of this process logs in again and stays in, and the drain
 * waits until every acknowledged message has reached every recipient who is online, and every
 * direct message held by relays has been shown or told expired, or until its bound. The bound is the scenario's {@code drain}, or longer when a slow standing link
 * (bandwidth, slicer) needs longer to carry what is still owed. Deliveries still missing at the
 * bound are recorded with what their recipients' links showed then, so that the checker can
 * tell a link still delivering (in flight: unknown) from one gone quiet (lost).
 */
final class Drain {
    /** Framing and fields around a chat message's text, in bytes, for the estimate of what is owed. */
    private static final int FRAME_OVERHEAD = 300;
    /** The least time Toxiproxy's slicer spends on each piece, whatever its configured delay. */
    private static final long SLICE_NANOS = 20_000;
    /** The longest a drain may take, however slow its links. */
    static final Duration MAX = Duration.ofMinutes(15);

    private final SimContext ctx;
    private final InFlight inFlight;
    private final PrintStream console;

    Drain(SimContext ctx, InFlight inFlight, PrintStream console) {
        this.ctx = ctx;
        this.inFlight = inFlight;
        this.console = console;
    }

    void run(List<ChatSession> sessions) {
        Duration bound = bound();
        long deadline = System.nanoTime() + bound.toNanos();
        console.printf("Drain: %d deliveries in flight; up to %s%s%n", inFlight.count(), Units.format(bound),
                bound.compareTo(ctx.scenario.drain()) > 0 ? ", as the slowest standing link needs" : "");
        AtomicBoolean done = new AtomicBoolean();
        try (ExecutorService keepers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ChatSession s : sessions) {
                keepers.submit(() -> keepOnline(s, done, deadline));
            }
            waitForDeliveries(sessions, deadline);
            recordPending(sessions);
            done.set(true);
        }
        long offline = sessions.stream().filter(s -> !s.online()).count();
        if (offline > 0) {
            console.println("Drain: " + offline + " accounts were not logged in at the end; deliveries still owed to "
                    + "them count as unknown.");
        }
    }

    /** Logs the session in, and in again whenever its connection drops, until the drain is over. */
    private static void keepOnline(ChatSession s, AtomicBoolean done, long deadline) {
        while (!done.get() && System.nanoTime() < deadline) {
            if (!s.online()) {
                s.ensureOnline(deadline, true);
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    private void waitForDeliveries(List<ChatSession> sessions, long deadline) {
        // a shard cannot see what other shards send its users, so it also waits for a quiet spell
        long quiet = ctx.shard.whole() ? 1_000_000_000L : Simulation.QUIET.toNanos();
        long lastCount = -1;
        long quietSince = System.nanoTime();
        try (Progress progress = new Progress("Drain", Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toSeconds()))) {
            while (System.nanoTime() < deadline) {
                long count = ctx.stats.deliveries.get();
                if (count != lastCount) {
                    lastCount = count;
                    quietSince = System.nanoTime();
                }
                long online = sessions.stream().filter(ChatSession::online).count();
                long owed = owedOnline(sessions);
                if (owed == 0 && online == sessions.size() && System.nanoTime() - quietSince >= quiet
                        && sessions.stream().noneMatch(Drain::arriving) && ctx.directsHeld() == 0) {
                    return;
                }
                progress.message(inFlight.count() + " deliveries in flight, " + online + "/" + sessions.size() + " online"
                        + (ctx.directsHeld() == 0 ? "" : ", " + ctx.directsHeld() + " direct messages held by relays"));
                LockSupport.parkNanos(250_000_000L);
            }
        }
    }

    /** Whether a frame is arriving on the session's link, or events wait to be handled: messages in doubt may be among them. */
    private static boolean arriving(ChatSession s) {
        Connection.LinkState link = s.linkState();
        return link != null && link.connected() && (link.partialFrameBytes() > 0 || link.eventsQueued() > 0);
    }

    /** Deliveries still owed to recipients who are logged in now. */
    private long owedOnline(List<ChatSession> sessions) {
        return inFlight.byRecipient().entrySet().stream().filter(e -> online(e.getKey()))
                .mapToLong(e -> e.getValue().size()).sum();
    }

    private boolean online(String user) {
        ChatSession s = ctx.state(user).session;
        return s != null && s.online();
    }

    /**
     * Records, for every online recipient still owed messages or still receiving (a message in
     * doubt may be on its way to it), what its link showed over one second: connected or not,
     * bytes read, time since its last frame, events not yet handled.
     */
    private void recordPending(List<ChatSession> sessions) {
        Map<String, List<String>> owed = new java.util.HashMap<>(inFlight.byRecipient());
        owed.keySet().removeIf(r -> !online(r));
        sessions.stream().filter(s -> s.online() && arriving(s)).forEach(s -> owed.putIfAbsent(s.user(), List.of()));
        if (owed.isEmpty()) {
            return;
        }
        Map<String, Connection.LinkState> before = new java.util.HashMap<>();
        Map<String, Long> receivedBefore = new java.util.HashMap<>();
        owed.keySet().forEach(r -> {
            before.put(r, ctx.state(r).session.linkState());
            receivedBefore.put(r, ctx.state(r).session.received());
        });
        LockSupport.parkNanos(1_000_000_000L);
        int flowing = 0;
        for (Map.Entry<String, List<String>> e : owed.entrySet()) {
            String r = e.getKey();
            Connection.LinkState then = before.get(r);
            Connection.LinkState now = ctx.state(r).session.linkState();
            if (then == null || now == null) {
                continue;
            }
            long bytes = Math.max(0, now.bytesReceived() - then.bytesReceived());
            long delivered = ctx.state(r).session.received() - receivedBefore.get(r);
            // heartbeats also bring bytes, so bytes count only while a frame is arriving (a long page, a
            // slow link), besides messages handed on or waiting to be handled
            boolean arriving = bytes > 0 && now.partialFrameBytes() > 0;
            boolean moving = now.connected() && (delivered > 0 || now.eventsQueued() > 0 || arriving);
            flowing += moving ? 1 : 0;
            List<String> toks = e.getValue().stream().sorted().limit(20).toList();
            ctx.ops.event(Event.of(0, "drain", Type.EVENT, Op.PENDING, r).withPending(new Event.Pending(toks,
                    e.getValue().size(), now.connected(), delivered, bytes, now.partialFrameBytes(),
                    now.sinceLastFrame().toMillis(), now.eventsQueued(), link(r), moving)));
        }
        console.printf("Drain: it ended with %d acknowledged deliveries owed, to %d recipients still owed or receiving; "
                + "%d of their links were still delivering, %d had gone quiet%n",
                owed.values().stream().mapToLong(List::size).sum(), owed.size(), flowing, owed.size() - flowing);
    }

    /** The standing toxics of a recipient's link, in words. */
    private String link(String user) {
        GroupSpec g = ctx.scenario.group(ctx.accounts.groupOf(user));
        if (!g.proxy()) {
            return "direct";
        }
        return g.toxics().isEmpty() ? "through Toxiproxy, no standing toxic"
                : String.join("; ", g.toxics().stream().map(Toxic::describe).toList());
    }

    /**
     * The scenario's drain, or longer: twice the time the slowest standing link needs for the
     * bytes still owed to its slowest recipient, plus 10 s; at most {@link #MAX}.
     */
    Duration bound() {
        Duration configured = ctx.scenario.drain();
        int frame = ctx.scenario.groups().stream().mapToInt(GroupSpec::messageSize).max().orElse(64) + FRAME_OVERHEAD;
        double slowest = 0;
        for (Map.Entry<String, List<String>> e : inFlight.byRecipient().entrySet()) {
            double rate = bytesPerSecond(ctx.scenario.group(ctx.accounts.groupOf(e.getKey())));
            slowest = Math.max(slowest, e.getValue().size() * (double) frame / rate);
        }
        Duration needed = Duration.ofMillis((long) (2_000 * slowest) + 10_000);
        Duration bound = needed.compareTo(configured) > 0 ? needed : configured;
        return bound.compareTo(MAX) > 0 ? MAX : bound;
    }

    /** How fast a group's standing toxics let data reach its users, in bytes a second (infinite when nothing limits it). */
    static double bytesPerSecond(GroupSpec group) {
        double rate = Double.POSITIVE_INFINITY;
        for (Toxic t : group.toxics()) {
            if (t.direction() == Direction.UPSTREAM) {
                continue;
            }
            double limit = switch (t) {
                case Bandwidth b -> b.kilobytesPerSecond() * 1000.0;
                case Slicer s -> s.averageBytes() * 1e9 / Math.max(SLICE_NANOS, s.delay().toNanos());
                default -> Double.POSITIVE_INFINITY;
            };
            rate = Math.min(rate, limit);
        }
        return rate;
    }
}
