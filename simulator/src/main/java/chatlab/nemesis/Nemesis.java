package chatlab.nemesis;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.net.ProxiedEndpoint;
import chatlab.workload.FaultWindow;
import chatlab.workload.NetworkFault;
import chatlab.workload.Partition;
import chatlab.workload.ServerCrash;
import chatlab.workload.ServerPause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays a run's fault windows: at each window's start it strikes (a toxic or a partition on
 * some groups' Toxiproxy proxies, a kill or a pause of the server), at its end it heals, and it
 * records both in the history. {@link #healAll()} undoes whatever is still in force, so a run
 * always ends clean.
 */
public final class Nemesis implements Runnable {
    public static final String START = "start";
    public static final String STOP = "stop";
    /** A fault the nemesis could not start or end: Toxiproxy or the server did not do as asked. */
    public static final String ERROR = "error";
    /** The kind of the fault the nemesis makes itself when it must restart a proxy Toxiproxy left unable to forward. */
    public static final String RESTART = "proxy-restart";

    private final List<FaultWindow> windows;
    private final Map<String, ProxiedEndpoint> proxies;
    private final ServerControl server;
    private final long loadStartNanos;
    private final Consumer<Event> history;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<FaultWindow> active = new ArrayList<>();
    private final java.util.function.Predicate<ProxiedEndpoint> forwards;
    /** Ids for the proxy restarts the nemesis had to make, after the scenario's own windows. */
    private int repairs;

    /**
     * {@code history} stamps and records the events it is given; {@code forwards} tells whether a
     * proxy still carries a new connection to the server and back.
     */
    public Nemesis(List<FaultWindow> windows, Map<String, ProxiedEndpoint> proxies, ServerControl server,
            long loadStartNanos, Consumer<Event> history, java.util.function.Predicate<ProxiedEndpoint> forwards) {
        this.windows = List.copyOf(windows);
        this.proxies = Map.copyOf(proxies);
        this.server = server;
        this.loadStartNanos = loadStartNanos;
        this.history = history;
        this.forwards = forwards;
        this.repairs = windows.stream().mapToInt(FaultWindow::id).max().orElse(-1) + 1;
    }

    private record Change(long atNanos, FaultWindow window, boolean start) {
    }

    @Override
    public void run() {
        List<Change> changes = new ArrayList<>();
        for (FaultWindow w : windows) {
            changes.add(new Change(w.start().toNanos(), w, true));
            changes.add(new Change(w.end().toNanos(), w, false));
        }
        // at the same moment, a window ends before the next begins
        changes.sort(Comparator.comparingLong(Change::atNanos).thenComparing(c -> c.start));
        for (Change change : changes) {
            if (!waitUntil(loadStartNanos + change.atNanos)) {
                return;
            }
            if (change.start) {
                begin(change.window);
            } else {
                end(change.window);
            }
        }
    }

    private boolean waitUntil(long nanoTime) {
        try {
            long wait = nanoTime - System.nanoTime();
            return wait <= 0 || !stop.await(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void begin(FaultWindow w) {
        if (stop.getCount() == 0) {
            return; // healed already: nothing may strike after the load
        }
        active.add(w);
        // a fault on the server is recorded before it strikes, so that what it does to the clients comes after
        // it in the history; one on the network once Toxiproxy has it in force
        if (w.fault().onServer()) {
            record(w, START, w.start());
        }
        try {
            switch (w.fault()) {
                case NetworkFault n -> w.groups().forEach(g -> proxies.get(g).add(toxicName(w), n.toxic()));
                case Partition p -> w.groups().forEach(g -> proxies.get(g).down());
                case ServerCrash c -> server.kill();
                case ServerPause p -> server.pause();
            }
        } catch (RuntimeException e) {
            failed(w, "could not start", e);
            return;
        }
        if (!w.fault().onServer()) {
            record(w, START, w.start());
        }
    }

    /**
     * A fault that could not be played is recorded with the reason, and the schedule goes on:
     * what did happen is still judged. What it may have left in force is healed at the end.
     */
    private void failed(FaultWindow w, String what, RuntimeException e) {
        failed(w, w.fault().kind(), w.describe() + " " + what, e);
    }

    private void failed(FaultWindow w, String kind, String what, RuntimeException e) {
        history.accept(Event.of(0, Event.NEMESIS, Type.EVENT, Op.FAULT, null).withFault(new Event.Fault(w.id(),
                kind, w.groups(), ERROR, what + ": " + e, null)));
        if (active.remove(w) && w.fault().onServer()) {
            record(w, STOP, w.end()); // its start is in the history already
        }
    }

    private synchronized void end(FaultWindow w) {
        if (!active.remove(w)) {
            return;
        }
        try {
            switch (w.fault()) {
                case NetworkFault n -> w.groups().forEach(g -> proxies.get(g).remove(toxicName(w)));
                case Partition p -> w.groups().stream().filter(g -> !stillPartitioned(g)).forEach(g -> proxies.get(g).up());
                case ServerCrash c -> server.restart();
                case ServerPause p -> server.resume();
            }
        } catch (RuntimeException e) {
            failed(w, "could not end", e);
        }
        record(w, STOP, w.end());
        if (w.fault() instanceof NetworkFault) {
            w.groups().forEach(this::repairIfWedged);
        }
    }

    /**
     * Toxiproxy can leave a proxy that no longer forwards new connections once a toxic is removed
     * under load (seen on 2 cores with 166 connections per proxy): the listener accepts, nothing
     * reaches the server. Such a proxy is restarted, which drops its connections, and the restart
     * goes into the history as a fault of its own, so that it is shaded and judged like any other.
     */
    private void repairIfWedged(String group) {
        ProxiedEndpoint proxy = proxies.get(group);
        if (stillPartitioned(group) || active.stream().anyMatch(w -> w.fault().onServer()) || forwards.test(proxy)) {
            return; // a proxy down on purpose, or a server that cannot answer now, says nothing of the proxy
        }
        FaultWindow restart = new FaultWindow(repairs++, new Partition(), List.of(group), java.time.Duration.ZERO,
                java.time.Duration.ZERO);
        history.accept(Event.of(0, Event.NEMESIS, Type.EVENT, Op.FAULT, null).withFault(new Event.Fault(restart.id(),
                RESTART, List.of(group), START, "proxy of " + group + " restarted: it no longer forwarded new "
                        + "connections after a toxic was removed", null)));
        try {
            proxy.down();
            proxy.up();
        } catch (RuntimeException e) {
            failed(restart, RESTART, "the proxy of " + group + " could not be restarted", e);
        }
        history.accept(Event.of(0, Event.NEMESIS, Type.EVENT, Op.FAULT, null).withFault(new Event.Fault(restart.id(),
                RESTART, List.of(group), STOP, "proxy of " + group + " restarted: it no longer forwarded new "
                        + "connections after a toxic was removed", null)));
    }

    /** Whether another partition of {@code group} is still in force. */
    private boolean stillPartitioned(String group) {
        return active.stream().anyMatch(o -> o.fault() instanceof Partition && o.groups().contains(group));
    }

    /** Records a start or stop, and how long after {@code scheduled} (from the load's start) it came. */
    private void record(FaultWindow w, String phase, java.time.Duration scheduled) {
        long late = Math.max(0, (System.nanoTime() - loadStartNanos - scheduled.toNanos()) / 1_000_000);
        history.accept(Event.of(0, Event.NEMESIS, Type.EVENT, Op.FAULT, null).withFault(new Event.Fault(w.id(),
                w.fault().kind(), w.groups(), phase, w.describe(), late)));
    }

    private static String toxicName(FaultWindow w) {
        return "nemesis-" + w.id();
    }

    /** Stops the schedule and ends every fault still in force: the server runs again, unfrozen, and the proxies are clear. */
    public synchronized void healAll() {
        stop.countDown();
        for (FaultWindow w : List.copyOf(active)) {
            end(w);
        }
    }
}
