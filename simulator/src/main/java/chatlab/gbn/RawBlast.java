package chatlab.gbn;

import chatlab.p2p.wire.TransferKeys;
import chatlab.p2p.wire.BadDatagramException;
import chatlab.p2p.wire.DatagramCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;

/**
 * The baselines for the clean loopback goal: blast datagrams of the transfer's size from one
 * UDP socket to another, with the endpoints' socket buffers, and time what arrives. A raw blast
 * sends bytes as they are; a sealed blast sends the transfer's own data datagrams, sealed one by
 * one with the transfer's codec (AES-GCM and the checksum) and opened by the receiver, so that it
 * pays what every chatlab datagram pays and nothing of the protocol: no window, no
 * acknowledgement, no file. The receiver
 * stops at the last datagram or when nothing has come for a while (the kernel may drop some).
 * The blast is timed as a transfer's data phase is: from the first datagram sent, once the
 * receiver reads, to the last one received; and, as the transfers are, it runs compiled code.
 */
final class RawBlast {
    private static final int SOCKET_BUFFER = 4 << 20;
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long WARM_UP_DATAGRAMS = 200_000;
    private static boolean warm;

    private RawBlast() {
    }

    static Blast run(int repeat, int datagramBytes, int chunkBytes, long count, boolean sealed) throws IOException {
        warmUp(datagramBytes, chunkBytes);
        long[] result = blast(datagramBytes, chunkBytes, count, sealed);
        return new Blast(repeat, datagramBytes, chunkBytes, count, result[0], result[1], sealed);
    }

    /**
     * Blasts once, unrecorded, the first time in a process: a blast's two loops run once each,
     * too few times for the JIT to compile them before they are done, and an interpreted sender
     * made the baseline slower than the transfers it is measured against, which are warmed up too.
     */
    private static synchronized void warmUp(int datagramBytes, int chunkBytes) throws IOException {
        if (!warm) {
            blast(datagramBytes, chunkBytes, WARM_UP_DATAGRAMS, false);
            blast(datagramBytes, chunkBytes, WARM_UP_DATAGRAMS, true);
            warm = true;
        }
    }

    /** What arrived of {@code count} datagrams, and in how long, from the first sent to the last received. */
    private static long[] blast(int datagramBytes, int chunkBytes, long count, boolean sealed) throws IOException {
        SecretKey key = sealed ? TransferKeys.fresh() : null;
        DatagramCodec codec = sealed ? new DatagramCodec(key) : null;
        try (DatagramChannel receiver = DatagramChannel.open(); DatagramChannel sender = DatagramChannel.open()) {
            receiver.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            sender.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            receiver.bind(new InetSocketAddress("127.0.0.1", 0));
            receiver.configureBlocking(false);
            InetSocketAddress to = (InetSocketAddress) receiver.getLocalAddress();
            CompletableFuture<long[]> counted = new CompletableFuture<>();
            CountDownLatch reading = new CountDownLatch(1);
            Thread counter = Thread.ofPlatform().name("blast-receiver").start(() -> count(receiver, count, reading, counted,
                    sealed ? new DatagramCodec(key) : null));
            ByteBuffer datagram = ByteBuffer.allocateDirect(datagramBytes);
            byte[] chunk = new byte[chunkBytes];
            byte[] sealedBytes = new byte[datagramBytes];
            ByteBuffer sealedDatagram = ByteBuffer.wrap(sealedBytes);
            try {
                // the clock starts once the receiver reads, as a transfer's starts after its handshake
                if (!reading.await(10, TimeUnit.SECONDS)) {
                    throw new IOException("the blast receiver did not start");
                }
                long started = System.nanoTime();
                for (long i = 0; i < count; i++) {
                    if (sealed) {
                        int length = codec.encodeData(1, i, i, chunk, 0, chunkBytes, sealedBytes);
                        sealedDatagram.clear().limit(length);
                        sender.send(sealedDatagram, to);
                    } else {
                        datagram.clear();
                        datagram.putLong(0, i);
                        sender.send(datagram, to);
                    }
                }
                long[] result = counted.get(60, TimeUnit.SECONDS);
                return new long[] {result[0], result[0] == 0 ? 0 : result[1] - started};
            } catch (IOException e) {
                counter.interrupt();
                throw e;
            } catch (Exception e) {
                counter.interrupt();
                throw new IOException("the blast receiver did not finish: " + e.getMessage(), e);
            }
        }
    }

    /** Counts what arrives; with a codec, only what opens. */
    private static void count(DatagramChannel channel, long expected, CountDownLatch reading,
            CompletableFuture<long[]> result, DatagramCodec codec) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        reading.countDown();
        long received = 0;
        long last = 0;
        long idleSince = System.nanoTime();
        try {
            while (received < expected && !Thread.currentThread().isInterrupted()) {
                buffer.clear();
                if (channel.receive(buffer) != null) {
                    last = System.nanoTime();
                    idleSince = last;
                    if (codec == null || opens(codec, buffer.flip())) {
                        received++;
                    }
                } else if (System.nanoTime() - idleSince > QUIET_NANOS && received > 0) {
                    break;
                } else {
                    Thread.onSpinWait();
                }
            }
            result.complete(new long[] {received, last});
        } catch (IOException e) {
            result.completeExceptionally(e);
        }
    }

    private static boolean opens(DatagramCodec codec, ByteBuffer datagram) {
        try {
            codec.decode(datagram);
            return true;
        } catch (BadDatagramException e) {
            return false;
        }
    }
}
