package chatlab.p2p.transfer;

import chatlab.p2p.arq.ArqReceiver;
import chatlab.p2p.arq.SeqSpace;
import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.TransferTrace;
import chatlab.p2p.wire.BadDatagramException;
import chatlab.p2p.wire.Datagram;
import chatlab.p2p.wire.DatagramCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Receives one file. It runs inside the endpoint's reading thread: each datagram is decoded,
 * handed to the strategy's receiver state machine, written in order to a hidden partial file
 * and acknowledged. On FIN the file's SHA-256 is checked; only then is it moved to its final
 * name. Whatever goes wrong, the partial file is deleted. A {@link TransferTrace} other than
 * {@code OFF} is told every datagram received and sent, and every segment thrown away.
 */
public final class FileReceiver {
    /**
     * A cumulative acknowledgement goes out at the end of every burst of datagrams, and within a
     * long burst after every half window of segments handed on, at most this many: on loopback
     * the sender's datagrams can arrive in one unbroken burst, and its window must not fill
     * waiting for that burst to end. A quarter window woke the sender twice as often, and was
     * slower at every window from 16 to 256.
     */
    static final int MAX_ACK_EVERY = 256;

    /** After how many segments handed on a receiver acknowledges within a burst, for a sender's window. */
    static int ackEvery(int window) {
        return Math.max(1, Math.min(MAX_ACK_EVERY, window / 2));
    }
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("transfer-watchdog").factory());

    /** The result: where the file went and how long it took. */
    public record Received(Offer offer, Path file, Duration duration) {
    }

    private final PeerEndpoint endpoint;
    private final Offer offer;
    private final Path folder;
    private final TransferSettings settings;
    private final Progress progress;
    private final DatagramCodec codec;
    private final CompletableFuture<Received> result = new CompletableFuture<>();
    private final TransferTrace trace;
    private final Path partial;
    /** The name the file is meant to have; {@link #saved} is the one it took. */
    private final Path target;
    private Path saved;
    private final Map<Long, byte[]> early = new HashMap<>();
    private long packetNumber;
    private long started;
    private volatile long lastHeard;
    private long lastSent;
    private InetSocketAddress peer;
    private ArqReceiver arq;
    private long isn;
    private int chunkSize;
    private long segments;
    private java.nio.channels.FileChannel channel;
    private java.io.OutputStream file;
    private MessageDigest digest;
    private Datagram.FinStatus verdict;
    private long pendingAck = -1;
    /** The packet number of the latest data datagram of the burst the pending acknowledgement answers. */
    private long pendingEcho = -1;
    /** Segments handed on since the last acknowledgement, and how many may pass before one goes out within a burst. */
    private int sinceAck;
    private int ackEvery = 1;
    private boolean selectiveAcks;
    private ScheduledFuture<?> watchdog;

    public FileReceiver(PeerEndpoint endpoint, Offer offer, Path downloads, TransferSettings settings, Progress progress) {
        this(endpoint, offer, downloads, settings, progress, TransferTrace.OFF);
    }

    /** A receiver that tells {@code trace} what happens; the caller closes the trace. */
    public FileReceiver(PeerEndpoint endpoint, Offer offer, Path downloads, TransferSettings settings, Progress progress,
            TransferTrace trace) {
        this.trace = trace;
        this.endpoint = endpoint;
        this.offer = offer;
        this.folder = downloads;
        this.settings = settings;
        this.progress = progress;
        this.codec = new DatagramCodec(offer.key());
        this.partial = Downloads.partialPath(downloads, offer.from(), offer.fileName(), offer.transferId());
        this.target = Downloads.finalPath(downloads, offer.from(), offer.fileName());
    }

    /** Starts listening for the sender; the future completes when the file is saved, or fails. */
    public CompletableFuture<Received> start() {
        started = System.nanoTime();
        lastHeard = started;
        endpoint.register(offer.transferId(), new PeerEndpoint.Handler() {
            @Override
            public void datagram(ByteBuffer datagram, InetSocketAddress from) {
                receive(datagram, from);
            }

            @Override
            public void endOfBurst() {
                flushAck();
            }

            @Override
            public boolean streams() {
                return true;
            }
        });
        if (trace.on()) {
            endpoint.observeFates(offer.transferId(), trace);
        }
        long check = Math.max(50, settings.idleTimeout().toMillis() / 10);
        watchdog = WATCHDOG.scheduleAtFixedRate(this::checkIdle, check, check, TimeUnit.MILLISECONDS);
        return result;
    }

    private synchronized void receive(ByteBuffer bytes, InetSocketAddress from) {
        Datagram d;
        try {
            d = codec.decode(bytes);
        } catch (BadDatagramException e) {
            if (trace.on()) {
                trace.received(Side.RECEIVER, bytes, null);
            }
            return; // corrupted or forged: never written
        }
        if (trace.on()) {
            trace.received(Side.RECEIVER, bytes, d);
        }
        if (!d.fromSender() || (peer != null && !peer.equals(from))) {
            return;
        }
        lastHeard = System.nanoTime();
        switch (d) {
            case Datagram.Syn syn -> open(syn, from);
            case Datagram.Data data -> data(data, DatagramCodec.packetNumber(bytes));
            case Datagram.Fin fin -> finish();
            case Datagram.Abort abort -> fail(new TransferException(TransferException.Reason.ABORTED_BY_PEER,
                    offer.from() + " gave up: " + abort.reason()), false);
            case Datagram.SynAck x -> { }
            case Datagram.Ack x -> { }
            case Datagram.FinAck x -> { }
        }
    }

    private void open(Datagram.Syn syn, InetSocketAddress from) {
        if (arq == null) {
            if (syn.fileSize() != offer.size() || syn.chunkSize() < 1 || syn.segments() != (syn.fileSize() + syn.chunkSize() - 1) / syn.chunkSize()) {
                fail(new TransferException(TransferException.Reason.ABORTED_BY_PEER,
                        "the sender described a different file than the server announced"), true);
                return;
            }
            try {
                Files.createDirectories(folder);
                // Segments are handed on in order, so the file is written front to back, through a buffer.
                channel = java.nio.channels.FileChannel.open(partial, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                file = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
                digest = MessageDigest.getInstance("SHA-256");
            } catch (IOException | NoSuchAlgorithmException e) {
                fail(new TransferException(TransferException.Reason.IO_FAILED,
                        "cannot write to " + folder + ": " + e.getMessage(), e), true);
                return;
            }
            peer = from;
            isn = syn.isn();
            chunkSize = syn.chunkSize();
            segments = syn.segments();
            arq = syn.strategy().receiver(segments, syn.window());
            selectiveAcks = syn.strategy() == chatlab.p2p.arq.Strategy.SELECTIVE_REPEAT;
            ackEvery = ackEvery(syn.window());
        }
        send(new Datagram.SynAck(offer.transferId())); // again, if the first was lost
    }

    /** A data datagram, numbered {@code packetNumber} by its sender: the acknowledgement echoes that number. */
    private void data(Datagram.Data data, long packetNumber) {
        if (arq == null || verdict != null) {
            return;
        }
        long index = SeqSpace.unwrap(isn, data.seq(), arq.expected());
        long expectedLength = index == segments - 1 ? offer.size() - index * chunkSize : chunkSize;
        if (index < 0 || index >= segments || data.chunk().length != expectedLength) {
            return;
        }
        ArqReceiver.Outcome outcome = arq.onData(index);
        if (!outcome.accepted() && trace.on()) {
            trace.discarded(index);
        }
        if (outcome.accepted() && !outcome.deliver().contains(index)) {
            early.put(index, data.chunk());
        }
        try {
            for (long i : outcome.deliver()) {
                byte[] chunk = i == index ? data.chunk() : early.remove(i);
                file.write(chunk);
                digest.update(chunk);
            }
        } catch (IOException e) {
            fail(new TransferException(TransferException.Reason.IO_FAILED, "writing " + partial + " failed: "
                    + e.getMessage(), e), true);
            return;
        }
        if (!outcome.deliver().isEmpty()) {
            progress.update(Math.min(offer.size(), arq.expected() * chunkSize), offer.size());
        }
        long cumulative = SeqSpace.wrap(isn, outcome.cumulative());
        if (selectiveAcks && outcome.selective() >= 0) {
            // Selective Repeat acknowledges each segment; cumulative strategies coalesce per burst.
            send(new Datagram.Ack(offer.transferId(), cumulative, SeqSpace.wrap(isn, outcome.selective()), packetNumber));
        } else {
            pendingAck = cumulative;
            pendingEcho = packetNumber;
            sinceAck += outcome.deliver().size();
            if (sinceAck >= ackEvery || arq.complete()) {
                flushAck();
            }
        }
    }

    private synchronized void flushAck() {
        if (pendingAck >= 0) {
            send(new Datagram.Ack(offer.transferId(), pendingAck, -1, pendingEcho));
            pendingAck = -1;
            sinceAck = 0;
        }
    }

    private void finish() {
        if (arq == null || !arq.complete()) {
            return;
        }
        if (verdict == null) {
            verdict = verify();
        }
        send(new Datagram.FinAck(offer.transferId(), verdict));
        if (verdict == Datagram.FinStatus.SAVED) {
            result.complete(new Received(offer, saved, Duration.ofNanos(System.nanoTime() - started)));
        } else if (verdict == Datagram.FinStatus.HASH_MISMATCH) {
            result.completeExceptionally(new TransferException(TransferException.Reason.HASH_MISMATCH,
                    offer.fileName() + " from " + offer.from() + " arrived whole but its SHA-256 did not match; discarded"));
        } else {
            result.completeExceptionally(new TransferException(TransferException.Reason.IO_FAILED,
                    "saving " + offer.fileName() + " from " + offer.from() + " failed"));
        }
    }

    private Datagram.FinStatus verify() {
        try {
            file.flush();
            channel.force(true); // on disk before it takes its final name
            file.close();
            if (!HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(offer.sha256())) {
                Files.deleteIfExists(partial);
                return Datagram.FinStatus.HASH_MISMATCH;
            }
            saved = Downloads.claim(partial, target);
            return Datagram.FinStatus.SAVED;
        } catch (IOException e) {
            deletePartial();
            return Datagram.FinStatus.WRITE_FAILED;
        }
    }

    private void checkIdle() {
        long now = System.nanoTime();
        synchronized (this) {
            if (result.isDone()) {
                // Linger one idle period to answer a repeated FIN whose FIN-ACK was lost, then let go.
                if (now - lastHeard > settings.idleTimeout().toNanos()) {
                    endpoint.unregister(offer.transferId());
                    watchdog.cancel(false);
                }
                return;
            }
            if (now - lastHeard > settings.idleTimeout().toNanos()) {
                fail(new TransferException(arq == null ? TransferException.Reason.PEER_UNREACHABLE
                        : TransferException.Reason.PEER_VANISHED, (arq == null ? offer.from() + " never started sending "
                        : offer.from() + " stopped sending ") + offer.fileName() + " (" + settings.idleTimeout().toSeconds()
                        + " s without a datagram)"), peer != null);
            } else if (now - started > settings.abortTimeout().toNanos()) {
                fail(new TransferException(TransferException.Reason.TIMED_OUT, "receiving " + offer.fileName()
                        + " took longer than " + settings.abortTimeout().toSeconds() + " s"), true);
            } else if (arq != null && now - lastSent > settings.keepAliveNanos()) {
                // Quiet for a while, perhaps because the sender is stuck retrying one segment: repeat the
                // cumulative ACK, so that the sender hears this side is alive however long its timer has grown.
                send(new Datagram.Ack(offer.transferId(), SeqSpace.wrap(isn, arq.expected()), -1));
            }
        }
    }

    private void fail(TransferException e, boolean tellPeer) {
        if (tellPeer && peer != null) {
            send(new Datagram.Abort(offer.transferId(), false, e.getMessage()));
        }
        deletePartial();
        endpoint.unregister(offer.transferId());
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        result.completeExceptionally(e);
    }

    private void deletePartial() {
        try {
            if (file != null) {
                file.close();
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // nothing more can be done; the hidden .part name marks it as incomplete
        }
    }

    private void send(Datagram d) {
        if (peer == null) {
            return;
        }
        lastSent = System.nanoTime();
        try {
            byte[] bytes = codec.encode(d, packetNumber++);
            if (trace.on()) {
                trace.sent(Side.RECEIVER, bytes, d, 0);
            }
            endpoint.send(bytes, peer);
        } catch (RuntimeException e) {
            // a lost acknowledgement: the sender's timer recovers
        }
    }
}
