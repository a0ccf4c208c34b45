package chatlab.p2p.transfer;

import chatlab.p2p.arq.ArqSender;
import chatlab.p2p.arq.RtoEstimator;
import chatlab.p2p.arq.SeqSpace;
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
 * endpoint's thread through a queue.
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
    /** The chunk being sealed, and the data datagrams of one batch: reused, so that sending allocates nothing per segment. */
    private final byte[] chunk;
    private final byte[][] datagrams;
    private final int[] lengths;
    private long packetNumber;
    private long lastHeard;
    private long started;

    public FileSender(PeerEndpoint endpoint, InetSocketAddress peer, long transferId, SecretKey key, ChunkSource source,
            TransferSettings settings, long isn, Progress progress) {
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
    }

    /** Sends the file; returns how it went, or throws saying why it failed. Both sides agree on failures. */
    public TransferReport run() throws TransferException {
        endpoint.register(transferId, this::receive);
        try {
            started = System.nanoTime();
            lastHeard = started;
            long segments = settings.segments(source.size());
            ArqSender arq = settings.strategy().sender(segments, settings.window(), settings.newTimer());
            handshake(arq.timer(), segments);
            long handshakeDone = System.nanoTime();
            sendData(arq);
            long dataDone = System.nanoTime();
            close(arq.timer(), segments);
            long end = System.nanoTime();
            return new TransferReport(source.size(), segments, Duration.ofNanos(handshakeDone - started),
                    Duration.ofNanos(dataDone - handshakeDone), Duration.ofNanos(end - started), arq.stats(),
                    arq.timer().srttNanos(), arq.timer().minRttNanos(), arq.timer().rtoNanos());
        } catch (TransferException e) {
            if (e.reason() != TransferException.Reason.ABORTED_BY_PEER) {
                send(new Datagram.Abort(transferId, true, e.getMessage()));
            }
            throw e;
        } finally {
            endpoint.unregister(transferId);
        }
    }

    private void receive(ByteBuffer bytes, InetSocketAddress from) {
        try {
            Datagram d = in.decode(bytes);
            if (!d.fromSender()) {
                inbox.add(d);
            }
        } catch (BadDatagramException e) {
            // corrupted or forged: dropped, and the timer recovers
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
        boolean retransmitted = false;
        send(request);
        long deadline = sentAt + timer.rtoNanos();
        while (true) {
            Datagram reply = next(deadline, opening);
            if (reply != null && wanted.test(reply)) {
                if (!retransmitted) {
                    timer.sample(System.nanoTime() - sentAt);
                }
                return reply;
            }
            if (System.nanoTime() >= deadline) {
                timer.backoff();
                retransmitted = true;
                send(request);
                deadline = System.nanoTime() + timer.rtoNanos();
            }
        }
    }

    private void sendData(ArqSender arq) throws TransferException {
        long total = source.size();
        while (!arq.finished()) {
            List<Long> due = arq.poll(System.nanoTime());
            for (int from = 0; from < due.size(); from += datagrams.length) {
                sendBatch(due, from, Math.min(datagrams.length, due.size() - from));
            }
            Datagram d = next(arq.nextDeadline(), false);
            while (d != null) {
                if (d instanceof Datagram.Ack ack) {
                    long near = arq.acknowledged();
                    long selective = ack.selective() < 0 ? -1 : SeqSpace.unwrap(isn, ack.selective(), near);
                    arq.onAck(SeqSpace.unwrap(isn, ack.cumulative(), near), selective, System.nanoTime());
                }
                d = inbox.poll();
            }
            progress.update(Math.min(total, arq.acknowledged() * settings.chunkSize()), total);
        }
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
    private void sendBatch(List<Long> due, int from, int count) throws TransferException {
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
        for (int i = 0; i < count; i++) {
            try {
                endpoint.send(datagrams[i], lengths[i], peer);
            } catch (RuntimeException e) {
                // a failed send is a lost datagram: the timer recovers, and the idle timeout ends it
            }
        }
    }

    private void send(Datagram d) {
        try {
            endpoint.send(out.encode(d, packetNumber++), peer);
        } catch (RuntimeException e) {
            // a failed send is a lost datagram: the timer recovers, and the idle timeout ends it
        }
    }
}
