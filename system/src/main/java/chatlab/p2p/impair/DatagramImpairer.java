package chatlab.p2p.impair;

import java.net.InetSocketAddress;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded, impaired link in front of a {@link DatagramSink}. Each datagram gets its fate from a
 * {@link FateSource}; the link then serialises it at the rate limit (dropping past the queue
 * limit), adds the one-way delay and the fate's extra delay, and hands it to the sink when due,
 * from a thread of its own. A lost datagram is lost in transit: it still waits in the queue and
 * takes its link time, and then never arrives. The link does not read what it carries, so every
 * datagram faces the same fates, whatever its kind. Without delay or rate, datagrams go out at once.
 */
public final class DatagramImpairer implements DatagramSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramImpairer.class);

    private final Impairment impairment;
    private final FateSource fates;
    private final DatagramSink sink;
    private final ImpairerStats stats = new ImpairerStats();
    private final DelayQueue<Pending> queue = new DelayQueue<>();
    private final AtomicLong order = new AtomicLong();
    private final Thread deliverer;
    private final boolean timed;
    private final LongSupplier clock;
    private long linkFreeAt;
    private volatile boolean closed;
    private volatile FateObserver observer;

    private record Pending(long due, long order, byte[] datagram, InetSocketAddress to) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Pending o = (Pending) other;
            return due != o.due ? Long.compare(due, o.due) : Long.compare(order, o.order);
        }
    }

    public DatagramImpairer(Impairment impairment, long seed, DatagramSink sink) {
        this(impairment, seed, sink, System::nanoTime);
    }

    /**
     * As above, with the clock the link serialises by ({@link System#nanoTime()}'s scale: the
     * deliverer still waits in real time), so a test can send a burst at one instant however slowly
     * it runs.
     */
    DatagramImpairer(Impairment impairment, long seed, DatagramSink sink, LongSupplier clock) {
        this.clock = clock;
        this.impairment = impairment;
        this.fates = new FateSource(impairment, seed);
        this.sink = sink;
        this.timed = !impairment.delay().isZero() || !impairment.jitter().isZero() || impairment.reorder() > 0
                || impairment.rateBitsPerSecond() > 0;
        this.deliverer = Thread.ofPlatform().daemon().name("impairer").start(this::deliver);
    }

    public Impairment impairment() {
        return impairment;
    }

    public ImpairerStats stats() {
        return stats;
    }

    /** Tells {@code observer} (null: nobody) what becomes of each datagram that is not simply delivered. */
    public void observe(FateObserver observer) {
        this.observer = observer;
    }

    private void tell(byte[] datagram, FateObserver.Outcome outcome) {
        FateObserver o = observer;
        if (o != null) {
            o.fate(datagram, outcome);
        }
    }

    @Override
    public void send(byte[] datagram, InetSocketAddress to) {
        stats.offered.incrementAndGet();
        Fate fate = fates.next(datagram.length);
        if (fate.lost()) {
            // lost in transit: it was serialised first, so it took its place in the queue and its link time
            if (timed && depart(datagram.length) < 0) {
                stats.queueDrops.incrementAndGet();
                tell(datagram, FateObserver.Outcome.QUEUE_DROP);
            } else {
                stats.lost.incrementAndGet();
                tell(datagram, FateObserver.Outcome.LOST);
            }
            return;
        }
        if (fate.copies() > 1) {
            stats.duplicated.incrementAndGet();
            tell(datagram, FateObserver.Outcome.DUPLICATED);
        }
        byte[] bytes = datagram;
        if (fate.corruptBit() >= 0) {
            bytes = datagram.clone();
            bytes[fate.corruptBit() / 8] ^= (byte) (1 << (fate.corruptBit() % 8));
            stats.corrupted.incrementAndGet();
            tell(datagram, FateObserver.Outcome.CORRUPTED);
        }
        for (long extra : fate.extraDelayNanos()) {
            if (!timed) {
                deliverNow(bytes, to);
                continue;
            }
            long departure = depart(bytes.length);
            if (departure < 0) {
                stats.queueDrops.incrementAndGet();
                tell(datagram, FateObserver.Outcome.QUEUE_DROP);
                continue;
            }
            long due = departure + impairment.delay().toNanos() + extra;
            queue.add(new Pending(due, order.getAndIncrement(), bytes, to));
        }
    }

    /** When the datagram has been serialised onto the link; -1 if the queue is full. */
    private synchronized long depart(int length) {
        long now = clock.getAsLong();
        long rate = impairment.rateBitsPerSecond();
        if (rate == 0) {
            return now;
        }
        long start = Math.max(now, linkFreeAt);
        long backlogBytes = (start - now) * rate / 8 / 1_000_000_000L;
        if (backlogBytes + length > impairment.queueBytes()) {
            return -1;
        }
        linkFreeAt = start + length * 8L * 1_000_000_000L / rate;
        return linkFreeAt;
    }

    private void deliver() {
        while (!closed) {
            try {
                Pending p = queue.take();
                deliverNow(p.datagram(), p.to());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void deliverNow(byte[] datagram, InetSocketAddress to) {
        try {
            sink.send(datagram, to);
            stats.delivered.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.debug("delivering an impaired datagram failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        deliverer.interrupt();
    }
}
