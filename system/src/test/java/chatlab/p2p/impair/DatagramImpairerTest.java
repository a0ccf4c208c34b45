package chatlab.p2p.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DatagramImpairerTest {
    private static final InetSocketAddress TO = new InetSocketAddress("127.0.0.1", 9);

    private record Delivery(long at, byte[] bytes) {
    }

    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final DatagramSink capture = (bytes, to) -> delivered.add(new Delivery(System.nanoTime(), bytes));

    @Test
    void anUnimpairedLinkDeliversEverythingAtOnce() {
        try (DatagramImpairer link = new DatagramImpairer(Impairment.NONE, 1, capture)) {
            for (int i = 0; i < 100; i++) {
                link.send(new byte[] {(byte) i}, TO);
            }
            assertThat(delivered).hasSize(100);
            assertThat(delivered).extracting(d -> d.bytes()[0]).isSorted();
        }
    }

    @Test
    void delayHoldsEveryDatagramAtLeastThatLong() {
        try (DatagramImpairer link = new DatagramImpairer(Impairment.parse("delay=30ms"), 1, capture)) {
            long sent = System.nanoTime();
            link.send(new byte[10], TO);
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 1);
            assertThat(delivered.getFirst().at() - sent).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
        }
    }

    @Test
    void theRateLimitSerialisesAndTheQueueDropsTheExcess() {
        long sent = System.nanoTime();
        // the burst leaves at one instant, however slowly this machine runs the loop
        try (DatagramImpairer link = new DatagramImpairer(Impairment.parse("rate=800kbit,queue=5000b"), 1, capture, () -> sent)) {
            for (int i = 0; i < 10; i++) {
                link.send(new byte[1000], TO); // 10 ms each at 800 kbit/s
            }
            assertThat(link.stats().queueDrops()).isEqualTo(5);
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 5);
            assertThat(delivered.getLast().at() - sent).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void aLostDatagramStillTakesItsPlaceInTheQueueAndItsLinkTime() {
        long sent = System.nanoTime();
        try (DatagramImpairer link = new DatagramImpairer(Impairment.parse("loss=1,rate=800kbit,queue=5000b"), 1, capture, () -> sent)) {
            for (int i = 0; i < 10; i++) {
                link.send(new byte[1000], TO); // 10 ms each at 800 kbit/s, all doomed
            }
            assertThat(link.stats().lost()).isEqualTo(5);
            assertThat(link.stats().queueDrops()).isEqualTo(5); // the lost ones filled the queue
            assertThat(delivered).isEmpty();
        }
    }

    @Test
    void theLinkLosesDatagramsOfEveryKindAlike() {
        Impairment impairment = Impairment.parse("loss=0.3");
        List<Long> lostAt = new java.util.ArrayList<>();
        for (byte kind : new byte[] {1, 2, 3}) { // SYN, DATA, FIN headers: the link does not read them
            delivered.clear();
            try (DatagramImpairer link = new DatagramImpairer(impairment, 5, capture)) {
                for (int i = 0; i < 200; i++) {
                    link.send(new byte[] {0x43, 0x4C, 1, kind, (byte) i}, TO);
                }
                assertThat(link.stats().lost()).isBetween(30L, 90L);
            }
            long mask = 0;
            for (Delivery d : delivered) {
                mask = mask * 31 + d.bytes()[4];
            }
            lostAt.add(mask);
        }
        assertThat(lostAt).containsOnly(lostAt.getFirst());
    }

    @Test
    void lossDuplicationAndCorruptionFollowTheSeed() {
        Impairment impairment = Impairment.parse("loss=0.2,dup=0.1,corrupt=0.1");
        try (DatagramImpairer a = new DatagramImpairer(impairment, 9, capture)) {
            for (int i = 0; i < 1_000; i++) {
                a.send(new byte[] {(byte) i, 0, 0, 0}, TO);
            }
            assertThat(a.stats().lost()).isBetween(150L, 250L);
            assertThat(a.stats().delivered()).isEqualTo(1_000 - a.stats().lost() + a.stats().duplicated());
        }
        List<Delivery> first = List.copyOf(delivered);
        delivered.clear();
        try (DatagramImpairer b = new DatagramImpairer(impairment, 9, capture)) {
            for (int i = 0; i < 1_000; i++) {
                b.send(new byte[] {(byte) i, 0, 0, 0}, TO);
            }
        }
        assertThat(delivered).extracting(d -> java.util.Arrays.toString(d.bytes()))
                .containsExactlyElementsOf(first.stream().map(d -> java.util.Arrays.toString(d.bytes())).toList());
    }
}
