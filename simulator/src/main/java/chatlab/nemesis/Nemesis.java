package chatlab.nemesis;

import chatlab.history.Event;
import chatlab.history.Type;
import chatlab.net.ProxiedEndpoint;
import chatlab.workload.FaultSpec;
import chatlab.workload.FaultWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Plays a run's fault schedule on the groups' Toxiproxy proxies: at each window's start it takes
 * the proxies down or adds the toxic, at its end it heals them, and records both in the
 * history. {@link #healAll()} undoes whatever is still in force, so a run always ends clean.
 */
public final class Nemesis implements Runnable {
    public static final String START = "start";
    public static final String STOP = "stop";

    private final List<FaultWindow> windows;
    private final Map<String, ProxiedEndpoint> proxies;
    private final long loadStartNanos;
    private final Consumer<Event> history;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final List<FaultWindow> active = new ArrayList<>();

    /** {@code history} stamps and records the events it is given. */
    public Nemesis(List<FaultWindow> windows, Map<String, ProxiedEndpoint> proxies, long loadStartNanos,
            Consumer<Event> history) {
        this.windows = List.copyOf(windows);
        this.proxies = Map.copyOf(proxies);
        this.loadStartNanos = loadStartNanos;
        this.history = history;
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
        changes.sort(java.util.Comparator.comparingLong(Change::atNanos).thenComparing(c -> c.start));
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
        for (String group : w.fault().groups()) {
            ProxiedEndpoint proxy = proxies.get(group);
            if (w.fault().toxic() == null) {
                proxy.down();
            } else {
                proxy.add(toxicName(w), w.fault().toxic());
            }
        }
        active.add(w);
        record(w, START);
    }

    private synchronized void end(FaultWindow w) {
        if (!active.remove(w)) {
            return;
        }
        for (String group : w.fault().groups()) {
            ProxiedEndpoint proxy = proxies.get(group);
            if (w.fault().toxic() == null) {
                // up again, unless another partition of this group is still in force
                if (active.stream().noneMatch(o -> o.fault().toxic() == null && o.fault().groups().contains(group))) {
                    proxy.up();
                }
            } else {
                proxy.remove(toxicName(w));
            }
        }
        record(w, STOP);
    }

    private void record(FaultWindow w, String phase) {
        FaultSpec f = w.fault();
        history.accept(Event.of(0, Event.NEMESIS, Type.EVENT, "fault", null).withFault(new Event.Fault(w.id(), f.kind(),
                f.groups(), phase, f.describe())));
    }

    private static String toxicName(FaultWindow w) {
        return "nemesis-" + w.id();
    }

    /** Stops the schedule and ends every fault still in force. */
    public synchronized void healAll() {
        stop.countDown();
        for (FaultWindow w : List.copyOf(active)) {
            end(w);
        }
    }
}
