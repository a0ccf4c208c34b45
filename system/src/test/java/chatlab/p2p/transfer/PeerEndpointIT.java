package chatlab.p2p.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.p2p.impair.Impairment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the endpoint's reading thread cuts what arrives into bursts, over real UDP on loopback. */
class PeerEndpointIT {
    @Test
    void anUnbrokenStreamStillEndsABurstAtLeastEveryMillisecond() throws Exception {
        AtomicInteger datagrams = new AtomicInteger();
        AtomicInteger bursts = new AtomicInteger();
        AtomicInteger burstsWhileStreaming = new AtomicInteger();
        int count = 4000;
        try (PeerEndpoint endpoint = PeerEndpoint.open("127.0.0.1", 0, Impairment.NONE, 1);
                DatagramChannel sender = DatagramChannel.open()) {
            endpoint.otherDatagrams(new PeerEndpoint.Handler() {
                @Override
                public void datagram(ByteBuffer datagram, InetSocketAddress from) {
                    datagrams.incrementAndGet();
                }

                @Override
                public void endOfBurst() {
                    bursts.incrementAndGet();
                    if (datagrams.get() < count) {
                        burstsWhileStreaming.incrementAndGet();
                    }
                }

                @Override
                public boolean streams() {
                    return true; // as a file's receiver does: the endpoint polls between datagrams
                }
            });
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", endpoint.port());
            ByteBuffer beacon = ByteBuffer.allocate(59);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                // about one datagram every 5 µs: far closer than the spin, so the reader never sleeps between them
                long due = start + i * 5_000L;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                sender.send(beacon.clear(), to);
            }
            long streamed = System.nanoTime() - start;
            await().atMost(Duration.ofSeconds(10)).until(() -> datagrams.get() == count && bursts.get() > 0);
            assertThat(streamed).as("the stream lasted long enough to need several bursts").isGreaterThan(3 * PeerEndpoint.MAX_BURST_NANOS);
            assertThat(burstsWhileStreaming.get()).as("bursts ended while the stream went on").isGreaterThanOrEqualTo(2);
        }
    }
}
