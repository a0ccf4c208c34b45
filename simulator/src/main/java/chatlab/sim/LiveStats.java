package chatlab.sim;

import java.util.concurrent.atomic.AtomicLong;

/** Counters the console shows while a run goes: operations by outcome, deliveries, and who is online. */
final class LiveStats {
    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong unexpected = new AtomicLong();
    final AtomicLong inDoubt = new AtomicLong();
    final AtomicLong deliveries = new AtomicLong();
    final AtomicLong online = new AtomicLong();

    long completed() {
        return ok.get() + failed.get() + inDoubt.get();
    }
}
