package chatlab.p2p.impair;

import java.util.concurrent.atomic.AtomicLong;

/** What an impairer did to the datagrams through it. */
public final class ImpairerStats {
    final AtomicLong offered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong queueDrops = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong corrupted = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();

    public long offered() {
        return offered.get();
    }

    public long lost() {
        return lost.get();
    }

    /** Datagrams dropped because the rate-limited queue was full. */
    public long queueDrops() {
        return queueDrops.get();
    }

    public long duplicated() {
        return duplicated.get();
    }

    public long corrupted() {
        return corrupted.get();
    }

    public long delivered() {
        return delivered.get();
    }

    @Override
    public String toString() {
        return "offered=" + offered + " lost=" + lost + " queueDrops=" + queueDrops + " duplicated=" + duplicated
                + " corrupted=" + corrupted + " delivered=" + delivered;
    }
}
