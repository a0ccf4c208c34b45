package chatlab.p2p.trace;

import chatlab.p2p.arq.SeqSpace;
import chatlab.p2p.wire.Datagram;
import chatlab.p2p.wire.DatagramCodec;
import chatlab.p2p.wire.DatagramKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trace being recorded: it stamps each event with its time and the sender's window, and
 * writes it as a line of JSON at once, so a long transfer's trace takes no memory. Both sides
 * and the impairers may tell it from their own threads: one lock orders the lines, so the file
 * is in time order. Times run from the first event. If writing fails, the trace stops and the
 * transfer goes on.
 */
public final class TraceRecorder implements TransferTrace {
    private static final Logger LOG = LoggerFactory.getLogger(TraceRecorder.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final TraceFile.Writer out;
    private long origin;
    private boolean started;
    private boolean closed;
    private long isn = -1;
    private long near;
    private Long base;
    private Long next;
    private Long rto;

    public TraceRecorder(TraceHeader header, TraceFile.Writer out) throws IOException {
        this.out = out;
        out.header(header);
    }

    /** A trace written to {@code file} (its folder is made if need be). */
    public static TraceRecorder open(Path file, TraceHeader header) throws IOException {
        TraceFile.Writer writer = TraceFile.Writer.create(file);
        try {
            return new TraceRecorder(header, writer);
        } catch (IOException e) {
            writer.close();
            throw e;
        }
    }

    @Override
    public boolean on() {
        return true;
    }

    @Override
    public void sent(Side side, byte[] datagram, Datagram decoded, int transmission) {
        datagram(TraceEvent.Type.SEND, side, ByteBuffer.wrap(datagram), decoded, transmission);
    }

    @Override
    public void received(Side side, ByteBuffer datagram, Datagram decoded) {
        datagram(decoded == null ? TraceEvent.Type.BAD : TraceEvent.Type.RECV, side, datagram, decoded, 0);
    }

    @Override
    public void fate(byte[] datagram, Outcome outcome) {
        TraceEvent.Type type = switch (outcome) {
            case LOST -> TraceEvent.Type.LOST;
            case QUEUE_DROP -> TraceEvent.Type.QUEUE_DROP;
            case DUPLICATED -> TraceEvent.Type.DUP;
            case CORRUPTED -> TraceEvent.Type.CORRUPT;
        };
        DatagramCodec.Header h = DatagramCodec.peekHeader(ByteBuffer.wrap(datagram));
        Side side = h == null || h.kind() == null || h.kind().fromSender() ? Side.SENDER : Side.RECEIVER;
        datagram(type, side, ByteBuffer.wrap(datagram), null, 0);
    }

    /** Records an event about one datagram, read from its clear header (and its decoded form, when there is one). */
    private void datagram(TraceEvent.Type type, Side side, ByteBuffer bytes, Datagram decoded, int transmission) {
        DatagramCodec.Header h = DatagramCodec.peekHeader(bytes);
        lock.lock();
        try {
            if (decoded instanceof Datagram.Syn syn) {
                isn = syn.isn();
            }
            DatagramKind kind = h == null ? null : h.kind();
            boolean trusted = type != TraceEvent.Type.BAD; // a corrupted header's numbers mean nothing
            Long seq = trusted && (kind == DatagramKind.DATA || kind == DatagramKind.FIN) ? unwrap(h.seq()) : null;
            Long ack = trusted && kind == DatagramKind.ACK ? unwrap(h.seq()) : null;
            Long sack = decoded instanceof Datagram.Ack a && a.selective() >= 0 ? unwrap(a.selective()) : null;
            Datagram.Syn syn = decoded instanceof Datagram.Syn s ? s : null;
            write(new TraceEvent(now(), type, side, kind == null ? null : kind.label(), h == null ? null : h.packetNumber(),
                    seq, ack, sack, bytes.remaining(), transmission > 0 ? transmission : null, null, null, rto, base, next,
                    syn == null ? null : syn.strategy().code(), syn == null ? null : syn.window(),
                    syn == null ? null : syn.chunkSize(), syn == null ? null : syn.segments()));
        } finally {
            lock.unlock();
        }
    }

    /** The absolute index of a wire sequence number, near the last one seen; null before the SYN told the ISN. */
    private Long unwrap(long wire) {
        if (isn < 0) {
            return null;
        }
        near = SeqSpace.unwrap(isn, wire, near);
        return near;
    }

    @Override
    public void discarded(long segment) {
        record(TraceEvent.Type.DISCARD, Side.RECEIVER, segment, null, null, null);
    }

    @Override
    public void window(long baseIndex, long nextIndex, long rtoNanos) {
        lock.lock();
        try {
            boolean moved = base != null && baseIndex > base;
            base = baseIndex;
            next = nextIndex;
            rto = rtoNanos;
            if (moved) {
                record(TraceEvent.Type.WINDOW, Side.SENDER, null, null, null, null);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void timerSet(long now, long segment, long deadline, int count, long rtoNanos) {
        recordWithRto(rtoNanos, TraceEvent.Type.TIMER, segment, count, deadline);
    }

    @Override
    public void timerStopped(long now) {
        record(TraceEvent.Type.TIMER_STOP, Side.SENDER, null, null, null, null);
    }

    @Override
    public void timeout(long now, long segment, int count, long timerNanos) {
        record(TraceEvent.Type.TIMEOUT, Side.SENDER, segment, count, null, timerNanos);
    }

    @Override
    public void backoff(long now, long rtoNanos) {
        recordWithRto(rtoNanos, TraceEvent.Type.BACKOFF, null, null, null);
    }

    /** Records a timer event of the sender's that sets the RTO the following events carry. */
    private void recordWithRto(long rtoNanos, TraceEvent.Type type, Long segment, Integer count, Long deadline) {
        lock.lock();
        try {
            rto = rtoNanos;
            record(type, Side.SENDER, segment, count, deadline, null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records an event that is not about one datagram. {@code segment} -1 is the handshake's or
     * the close's timer; {@code deadline} is on the {@link System#nanoTime} clock; {@code timer}
     * stands in for the current RTO (a timeout tells the length of the timer that expired).
     */
    private void record(TraceEvent.Type type, Side side, Long segment, Integer count, Long deadline, Long timer) {
        lock.lock();
        try {
            long t = now();
            write(new TraceEvent(t, type, side, null, null, segment == null || segment < 0 ? null : segment, null, null,
                    null, null, count == null || count == 1 ? null : count, deadline == null ? null : deadline - origin,
                    timer != null ? timer : rto, base, next, null, null, null, null));
        } finally {
            lock.unlock();
        }
    }

    /** Nanoseconds since the first event; the first event sets the origin. Call under the lock. */
    private long now() {
        long now = System.nanoTime();
        if (!started) {
            started = true;
            origin = now;
        }
        return now - origin;
    }

    /** Call under the lock. */
    private void write(TraceEvent event) {
        if (closed) {
            return;
        }
        try {
            out.event(event);
        } catch (IOException e) {
            closed = true;
            LOG.warn("writing the transfer trace failed, so it stops here: {}", e.getMessage());
            closeQuietly();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly();
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the transfer trace failed: {}", e.getMessage());
        }
    }
}
