package chatlab.p2p.transfer;

import chatlab.p2p.arq.ArqSender;
import chatlab.p2p.arq.RtoEstimator;
import chatlab.p2p.arq.SeqSpace;
import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.TransferTrace;
import chatlab.p2p.wire.BadDatagramException;
import chatlab.p2p.wire.Datagram;
import chatlab.p2p.wire.DatagramCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.SecretKey;

/**
 * Sends one file to one peer: an opening handshake (SYN, SYN-ACK), the data under the chosen
 * strategy, and a close (FIN, FIN-ACK) in which the receiver reports whether the whole file
 * matched its SHA-256. It runs on the calling thread; acknowledgements reach it from the
 * endpoint's thread through a queue. A {@link TransferTrace} other than {@code OFF} is told every
 * datagram, fate, timer and window change.
 */
public final class FileSender {
    /** Data segments sealed before they are sent, at most, and the bytes their buffers may take. */
    static final int BATCH = 32;
    static final int BATCH_BYTES = 64 << 10;
    private final PeerEndpoint endpoint;
    private final InetSocketAddress peer;
    private final long transferId;
    private final ChunkSource source;
    private final TransferSettings settings;
    private final long isn;
    private final Progress progress;
    private final DatagramCodec out;
    private final DatagramCodec in;
    private final BlockingQueue<Datagram> inbox = new LinkedBlockingQueue<>();
    private final TransferTrace trace;
    /** The chunk being sealed, and the data datagrams of one batch: reused, so that sending allocates nothing per segment. */
    private final byte[] chunk;
    private final byte[][] datagrams;
    private final int[] lengths;
    private long packetNumber;
    /**
     * When each recent data datagram was sent, by packet number, so that an acknowledgement's echo
     * times the exact transmission it answers: a ring as large as several windows, since an echo
     * only ever names a datagram still in flight or just landed.
     */
    private final long[] sentAt;
    private final long[] sentPacket;
    private long lastHeard;
    private long started;

    public FileSender(PeerEndpoint endpoint, InetSocketAddress peer, long transferId, SecretKey key, ChunkSource source,
            TransferSettings settings, long isn, Progress progress) {
        this(endpoint, peer, transferId, key, source, settings, isn, progress, TransferTrace.OFF);
    }

    /** A sender that tells {@code trace} what happens; the caller closes the trace. */
    public FileSender(PeerEndpoint endpoint, InetSocketAddress peer, long transferId, SecretKey key, ChunkSource source,
            TransferSettings settings, long isn, Progress progress, TransferTrace trace) {
        this.trace = trace;
        this.endpoint = endpoint;
        this.peer = peer;
        this.transferId = transferId;
        this.source = source;
        this.settings = settings;
        this.isn = isn & (SeqSpace.MODULUS - 1);
        this.progress = progress;
        this.out = new DatagramCodec(key);
        this.in = new DatagramCodec(key);
        this.chunk = new byte[settings.chunkSize()];
        int batch = Math.max(1, Math.min(BATCH, BATCH_BYTES / (DatagramCodec.OVERHEAD + settings.chunkSize())));
        this.datagrams = new byte[batch][DatagramCodec.OVERHEAD + settings.chunkSize()];
        this.lengths = new int[batch];
        int ring = Integer.highestOneBit(Math.max(1024, Math.min(1 << 20, settings.window() * 4)) * 2 - 1);
        this.sentAt = new long[ring];
        this.sentPacket = new long[ring];
        java.util.Arrays.fill(sentPacket, -1);
    }

    /** Sends the file; returns how it went, or throws saying why it failed. Both sides agree on failures. */
    public TransferReport run() throws TransferException {
        endpoint.register(transferId, this::receive);
        if (trace.on()) {
            endpoint.observeFates(transferId, trace);
        }
        try {
            started = System.nanoTime();
            lastHeard = started;
            long segments = settings.segments(source.size());
            ArqSender arq = settings.strategy().sender(segments, settings.window(), settings.newTimer());
            if (trace.on()) {
                arq.observe(trace);
            }
            handshake(arq.timer(), segments);
            long handshakeDone = System.nanoTime();
            long steadyAt = sendData(arq, TransferReport.steadyFrom(segments));
            long dataDone = System.nanoTime();
            close(arq.timer(), segments);
            long end = System.nanoTime();
            return new TransferReport(source.size(), segments, Duration.ofNanos(handshakeDone - started),
                    Duration.ofNanos(dataDone - handshakeDone), Duration.ofNanos(end - started), arq.stats(),
                    arq.timer().srttNanos(), arq.timer().minRttNanos(), arq.timer().rtoNanos(),
                    segments - TransferReport.steadyFrom(segments), Duration.ofNanos(dataDone - steadyAt));
        } catch (TransferException e) {
            if (e.reason() != TransferException.Reason.ABORTED_BY_PEER) {
                send(new Datagram.Abort(transferId, true, e.getMessage()), 1);
            }
            throw e;
        } finally {
            endpoint.unregister(transferId);
        }
    }

    private void receive(ByteBuffer bytes, InetSocketAddress from) {
        try {
            Datagram d = in.decode(bytes);
            if (trace.on()) {
                trace.received(Side.SENDER, bytes, d);
            }
            if (!d.fromSender()) {
                inbox.add(d);
            }
        } catch (BadDatagramException e) {
            // corrupted or forged: dropped, and the timer recovers
            if (trace.on()) {
                trace.received(Side.SENDER, bytes, null);
            }
        }
    }

    private void handshake(RtoEstimator timer, long segments) throws TransferException {
        Datagram syn = new Datagram.Syn(transferId, isn, settings.strategy(), settings.strategy().window(settings.window()),
                settings.chunkSize(), segments, source.size());
        awaitReply(syn, timer, d -> d instanceof Datagram.SynAck, true);
    }

    private void close(RtoEstimator timer, long segments) throws TransferException {
        Datagram.FinAck finAck = (Datagram.FinAck) awaitReply(new Datagram.Fin(transferId, SeqSpace.wrap(isn, segments)),
                timer, d -> d instanceof Datagram.FinAck, false);
        switch (finAck.status()) {
            case SAVED -> { }
            case HASH_MISMATCH -> throw new TransferException(TransferException.Reason.HASH_MISMATCH,
                    "the receiver got every byte, but the file's SHA-256 did not match");
            case WRITE_FAILED -> throw new TransferException(TransferException.Reason.IO_FAILED,
                    "the receiver could not write the file");
        }
    }

    /** Sends {@code request} until a reply that {@code wanted} accepts arrives, backing off the timer. */
    private Datagram awaitReply(Datagram request, RtoEstimator timer, Predicate<Datagram> wanted, boolean opening)
            throws TransferException {
        long sentAt = System.nanoTime();
        int transmissions = 1;
        send(request, transmissions);
        long deadline = sentAt + timer.rtoNanos();
        if (trace.on()) {
            trace.timerSet(sentAt, -1, deadline, 1, timer.rtoNanos());
        }
        while (true) {
            Datagram reply = next(deadline, opening);
            if (reply != null && wanted.test(reply)) {
                if (transmissions == 1) {
                    timer.sample(System.nanoTime() - sentAt);
                }
                if (trace.on()) {
                    trace.timerStopped(System.nanoTime());
                }
                return reply;
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                long expired = timer.rtoNanos();
                timer.backoff();
                if (trace.on()) {
                    trace.timeout(now, -1, 1, expired);
                    if (timer.rtoNanos() != expired) {
                        trace.backoff(now, timer.rtoNanos());
                    }
                }
                send(request, ++transmissions);
                deadline = System.nanoTime() + timer.rtoNanos();
                if (trace.on()) {
                    trace.timerSet(now, -1, deadline, 1, timer.rtoNanos());
                }
            }
        }
    }

    /** Sends the data; returns when the first {@code steadyFrom} segments had been acknowledged. */
    private long sendData(ArqSender arq, long steadyFrom) throws TransferException {
        long total = source.size();
        long steadyAt = steadyFrom == 0 ? System.nanoTime() : -1;
        while (!arq.finished()) {
            List<Long> due = arq.poll(System.nanoTime());
            if (trace.on()) {
                trace.window(arq.acknowledged(), arq.sent(), arq.timer().rtoNanos());
            }
            for (int from = 0; from < due.size(); from += datagrams.length) {
                sendBatch(arq, due, from, Math.min(datagrams.length, due.size() - from));
            }
            Datagram d = next(arq.nextDeadline(), false);
            while (d != null) {
                if (d instanceof Datagram.Ack ack) {
                    long near = arq.acknowledged();
                    long selective = ack.selective() < 0 ? -1 : SeqSpace.unwrap(isn, ack.selective(), near);
                    long now = System.nanoTime();
                    arq.onAck(SeqSpace.unwrap(isn, ack.cumulative(), near), selective, sentAt(ack.echo()), now);
                    if (steadyAt < 0 && arq.acknowledged() >= steadyFrom) {
                        steadyAt = now;
                    }
                }
                d = inbox.poll();
            }
            if (trace.on()) {
                trace.window(arq.acknowledged(), arq.sent(), arq.timer().rtoNanos());
            }
            progress.update(Math.min(total, arq.acknowledged() * settings.chunkSize()), total);
        }
        return steadyAt < 0 ? System.nanoTime() : steadyAt;
    }

    /**
     * The next datagram from the peer, or null once {@code deadline} passes. Throws when the peer
     * has been silent for the idle timeout, aborted, or the transfer has run too long.
     */
    private Datagram next(long deadline, boolean opening) throws TransferException {
        long now = System.nanoTime();
        long idleAt = lastHeard + settings.idleTimeout().toNanos();
        long abortAt = started + settings.abortTimeout().toNanos();
        long wait = Math.min(Math.min(deadline, idleAt), abortAt) - now;
        Datagram d = null;
        try {
            d = wait > 0 ? inbox.poll(wait, TimeUnit.NANOSECONDS) : inbox.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(TransferException.Reason.TIMED_OUT, "interrupted");
        }
        now = System.nanoTime();
        if (d != null) {
            lastHeard = now;
            if (d instanceof Datagram.Abort abort) {
                throw new TransferException(TransferException.Reason.ABORTED_BY_PEER, "the receiver gave up: " + abort.reason());
            }
            return d;
        }
        if (now >= abortAt) {
            throw new TransferException(TransferException.Reason.TIMED_OUT,
                    "the transfer took longer than " + settings.abortTimeout().toSeconds() + " s");
        }
        if (now >= idleAt) {
            throw new TransferException(opening ? TransferException.Reason.PEER_UNREACHABLE
                    : TransferException.Reason.PEER_VANISHED, (opening ? "the receiver at " + peer + " never answered"
                    : "the receiver at " + peer + " stopped answering") + " (" + settings.idleTimeout().toSeconds()
                    + " s without a datagram)");
        }
        return null;
    }

    /**
     * Seals {@code count} segments of {@code due} from {@code from}, then sends them: sealing
     * and sending in runs keeps each one's code and tables in the cache, which a system call
     * between every two seals would evict.
     */
    private void sendBatch(ArqSender arq, List<Long> due, int from, int count) throws TransferException {
        for (int i = 0; i < count; i++) {
            long index = due.get(from + i);
            int length;
            try {
                length = source.read(index * settings.chunkSize(), chunk, 0, settings.chunkSize());
            } catch (IOException e) {
                throw new TransferException(TransferException.Reason.IO_FAILED, "reading the file failed: " + e.getMessage(), e);
            }
            lengths[i] = out.encodeData(transferId, packetNumber++, SeqSpace.wrap(isn, index), chunk, 0, length,
                    datagrams[i]);
        }
        long first = packetNumber - count;
        for (int i = 0; i < count; i++) {
            long number = first + i;
            int slot = (int) (number & (sentPacket.length - 1));
            sentPacket[slot] = number; // what an acknowledgement's echo will name
            sentAt[slot] = System.nanoTime();
            if (trace.on()) {
                long index = due.get(from + i);
                byte[] bytes = java.util.Arrays.copyOf(datagrams[i], lengths[i]);
                // the trace reads a data datagram's numbers from its header; the chunk is left out
                trace.sent(Side.SENDER, bytes, new Datagram.Data(transferId, SeqSpace.wrap(isn, index), new byte[0]),
                        arq.transmissions(index));
            }
            try {
                endpoint.send(datagrams[i], lengths[i], peer);
            } catch (RuntimeException e) {
                // a failed send is a lost datagram: the timer recovers, and the idle timeout ends it
            }
        }
    }

    /** When the data datagram numbered {@code packet} was sent; -1 if none is known by that number. */
    private long sentAt(long packet) {
        if (packet < 0) {
            return -1;
        }
        int slot = (int) (packet & (sentPacket.length - 1));
        return sentPacket[slot] == packet ? sentAt[slot] : -1;
    }

    /**
     * Sends {@code d}, a datagram of the opening, the close or an abort, for the
     * {@code transmission}-th time (what a trace says of it). Data goes through {@link #sendBatch}.
     */
    private void send(Datagram d, int transmission) {
        try {
            byte[] bytes = out.encode(d, packetNumber++);
            if (trace.on()) {
                trace.sent(Side.SENDER, bytes, d, transmission);
            }
            endpoint.send(bytes, peer);
        } catch (RuntimeException e) {
            // a failed send is a lost datagram: the timer recovers, and the idle timeout ends it
        }
    }
}
