package chatlab.p2p.transfer;

import chatlab.p2p.impair.DatagramImpairer;
import chatlab.p2p.impair.DatagramSink;
import chatlab.p2p.impair.FateObserver;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.impair.ImpairerStats;
import chatlab.p2p.wire.DatagramCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's UDP socket, shared by every transfer it takes part in and by beacons. One thread
 * reads; each datagram goes to the transfer its id names, anything else to the other handler.
 * Outgoing datagrams pass through the impairer when the link is impaired.
 */
public final class PeerEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerEndpoint.class);
    private static final int SOCKET_BUFFER = 4 << 20;
    /**
     * How long the reading thread keeps polling an empty socket before it ends a burst, when
     * datagrams come that close together: waking a sleeping thread costs the sender of the next
     * datagram more than that, on loopback, than the poll costs this thread.
     */
    static final long SPIN_NANOS = 50_000;
    /** A burst ends at the latest after this long, so that its handlers hear of it even under a steady stream. */
    static final long MAX_BURST_NANOS = 1_000_000;

    /** Receives datagrams. The buffer is valid only during the call. */
    public interface Handler {
        void datagram(ByteBuffer datagram, InetSocketAddress from);

        /** No more datagrams are waiting for now: a good moment to send a coalesced acknowledgement. */
        default void endOfBurst() {
        }

        /**
         * Whether this handler takes streams of datagrams that come close together, as a file's
         * receiver does, and wants the endpoint to poll for the next one rather than sleep. A
         * sender, which hears only acknowledgements, does not: polling for them would take a core
         * from the threads that do the work.
         */
        default boolean streams() {
            return false;
        }
    }

    private final DatagramChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final DatagramSink out;
    private final DatagramImpairer impairer;
    private final Map<Long, Handler> transfers = new ConcurrentHashMap<>();
    private final Map<Long, FateObserver> fates = new ConcurrentHashMap<>();
    private final AtomicLong unknown = new AtomicLong();
    private final Thread reader;
    private volatile Handler others;
    private volatile Handler direct;
    private volatile boolean closed;

    private PeerEndpoint(DatagramChannel channel, Selector selector, SelectionKey key, Impairment impairment, long seed) {
        this.channel = channel;
        this.selector = selector;
        this.key = key;
        DatagramSink direct = this::sendDirect;
        this.impairer = impairment.isNone() ? null : new DatagramImpairer(impairment, seed, direct);
        this.out = impairer == null ? direct : impairer;
        if (impairer != null) {
            impairer.observe(this::fate);
        }
        this.reader = Thread.ofPlatform().daemon().name("udp-" + port()).start(this::read);
    }

    /** Binds a UDP socket ({@code port} 0 picks a free one); outgoing datagrams suffer {@code impairment}. */
    public static PeerEndpoint open(String host, int port, Impairment impairment, long seed) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            channel.bind(new InetSocketAddress(host, port));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            return new PeerEndpoint(channel, selector, key, impairment, seed);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind UDP " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the impairer did to outgoing datagrams, or null on an unimpaired link. */
    public ImpairerStats impairerStats() {
        return impairer == null ? null : impairer.stats();
    }

    /** Datagrams that belonged to no transfer and had no other handler. */
    public long unknownDatagrams() {
        return unknown.get();
    }

    public void send(byte[] datagram, InetSocketAddress to) {
        out.send(datagram, to);
    }

    /**
     * Sends the first {@code length} bytes of {@code datagram}. The caller may reuse the array
     * as soon as this returns: the impaired link, which holds a datagram until it is due, gets a
     * copy.
     */
    public void send(byte[] datagram, int length, InetSocketAddress to) {
        if (impairer == null) {
            sendDirect(ByteBuffer.wrap(datagram, 0, length), to);
        } else {
            impairer.send(Arrays.copyOf(datagram, length), to);
        }
    }

    private void sendDirect(byte[] datagram, InetSocketAddress to) {
        sendDirect(ByteBuffer.wrap(datagram), to);
    }

    private void sendDirect(ByteBuffer datagram, InetSocketAddress to) {
        try {
            channel.send(datagram, to);
        } catch (IOException e) {
            throw new UncheckedIOException("sending a datagram to " + to + " failed", e);
        }
    }

    public void register(long transferId, Handler handler) {
        transfers.put(transferId, handler);
    }

    public void unregister(long transferId) {
        transfers.remove(transferId);
        fates.remove(transferId);
    }

    /**
     * Tells {@code observer} what the impairer does to this transfer's outgoing datagrams (each
     * found by the transfer id in its header), until {@link #unregister}. On an unimpaired link
     * nothing happens to them, and nothing is told.
     */
    public void observeFates(long transferId, FateObserver observer) {
        if (impairer != null) {
            fates.put(transferId, observer);
        }
    }

    private void fate(byte[] datagram, FateObserver.Outcome outcome) {
        if (fates.isEmpty()) {
            return;
        }
        FateObserver observer = fates.get(DatagramCodec.peekTransferId(ByteBuffer.wrap(datagram)));
        if (observer != null) {
            observer.fate(datagram, outcome);
        }
    }

    /** Where direct messages between users go ({@code chatlab.p2p.direct}); null: nowhere. */
    public void directMessages(Handler handler) {
        direct = handler;
    }

    /** Where datagrams that are neither transfer datagrams nor direct messages go (beacons). */
    public void otherDatagrams(Handler handler) {
        others = handler;
    }

    /**
     * Reads until closed. A burst is what arrives before the socket stays empty: at once when
     * datagrams come far apart, and after {@link #SPIN_NANOS} of polling when they come close
     * together to a handler that {@linkplain Handler#streams streams}, as a transfer on loopback
     * sends them, so that this thread does not fall asleep between them. Each handler that got
     * datagrams then hears that the burst ended.
     */
    private void read() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(DatagramCodec.MAX_DATAGRAM + 1);
        Set<Handler> touched = new LinkedHashSet<>();
        long burstEnded = 0;
        while (!closed) {
            try {
                selector.select(250);
                selector.selectedKeys().clear();
                long start = System.nanoTime();
                drain(buffer, touched);
                if (start - burstEnded < SPIN_NANOS && streaming(touched)) {
                    spin(buffer, touched, start + MAX_BURST_NANOS);
                }
                for (Handler handler : touched) {
                    handler.endOfBurst();
                }
                touched.clear();
                burstEnded = System.nanoTime();
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("UDP port {} failed to read: {}", port(), e.toString());
                }
            }
        }
    }

    private static boolean streaming(Set<Handler> touched) {
        for (Handler handler : touched) {
            if (handler.streams()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Polls the socket until it has stayed empty for {@link #SPIN_NANOS}, or until {@code end}.
     * Meanwhile the socket is out of the selector: a socket in an epoll set makes the kernel
     * run the set's callback, under its lock, for every datagram that arrives, and the sender
     * pays for it; the next {@code select} puts it back, and finds whatever came meanwhile.
     */
    private void spin(ByteBuffer buffer, Set<Handler> touched, long end) throws IOException {
        key.interestOps(0);
        selector.selectNow();
        try {
            poll(buffer, touched, end);
        } finally {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void poll(ByteBuffer buffer, Set<Handler> touched, long end) throws IOException {
        long quietUntil = System.nanoTime() + SPIN_NANOS;
        for (long now = System.nanoTime(); now < quietUntil && now < end && !closed; now = System.nanoTime()) {
            if (drain(buffer, touched) > 0) {
                quietUntil = System.nanoTime() + SPIN_NANOS;
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Reads and routes every datagram waiting; returns how many. */
    private int drain(ByteBuffer buffer, Set<Handler> touched) throws IOException {
        int n = 0;
        SocketAddress from;
        while ((from = receive(buffer)) != null) {
            n++;
            Handler handler = route(buffer);
            if (handler != null) {
                handler.datagram(buffer, (InetSocketAddress) from);
                touched.add(handler);
            }
        }
        return n;
    }

    private SocketAddress receive(ByteBuffer buffer) throws IOException {
        buffer.clear();
        SocketAddress from = channel.receive(buffer);
        buffer.flip();
        return from;
    }

    private Handler route(ByteBuffer datagram) {
        long id = DatagramCodec.peekTransferId(datagram);
        Handler handler = id >= 0 ? transfers.get(id) : null;
        if (handler == null && chatlab.p2p.direct.DirectDatagram.isDirect(datagram)) {
            handler = direct;
        } else if (handler == null && !DatagramCodec.isTransferDatagram(datagram)) {
            handler = others;
        }
        if (handler == null) {
            unknown.incrementAndGet();
        }
        return handler;
    }

    @Override
    public void close() {
        closed = true;
        if (impairer != null) {
            impairer.close();
        }
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing UDP port failed: {}", e.getMessage());
        }
    }
}
