package chatlab.p2p.arq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives a sender and a receiver through a simulated network with manual time: loss in both
 * directions, duplication and reordering from a seed. No sockets and no real time, so hundreds
 * of seeds run in milliseconds.
 */
class LossyLinkSimulationTest {
    private static final long MS = 1_000_000;

    private record Event(long at, long order, boolean toReceiver, long index, long cumulative, long selective)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    private static final class Link {
        final PriorityQueue<Event> inFlight = new PriorityQueue<>();
        final SplittableRandom random;
        final double loss;
        long order;

        Link(long seed, double loss) {
            this.random = new SplittableRandom(seed);
            this.loss = loss;
        }

        void send(long now, boolean toReceiver, long index, long cumulative, long selective) {
            if (random.nextDouble() < loss) {
                return;
            }
            int copies = random.nextDouble() < 0.05 ? 2 : 1; // duplication
            for (int i = 0; i < copies; i++) {
                long delay = 10 * MS + random.nextLong(5 * MS); // jitter reorders
                inFlight.add(new Event(now + delay, order++, toReceiver, index, cumulative, selective));
            }
        }
    }

    private static List<Long> run(Strategy strategy, int window, long segments, double loss, long seed) {
        ArqSender sender = strategy.sender(segments, window, RtoEstimator.adaptive());
        ArqReceiver receiver = strategy.receiver(segments, window);
        Link link = new Link(seed, loss);
        List<Long> delivered = new ArrayList<>();
        long now = 0;
        for (int step = 0; step < 1_000_000 && !sender.finished(); step++) {
            for (long index : sender.poll(now)) {
                link.send(now, true, index, 0, 0);
            }
            long next = Math.min(sender.nextDeadline(), link.inFlight.isEmpty() ? Long.MAX_VALUE : link.inFlight.peek().at());
            assertThat(next).as("the sender is stuck").isLessThan(Long.MAX_VALUE);
            now = Math.max(now, next);
            while (!link.inFlight.isEmpty() && link.inFlight.peek().at() <= now) {
                Event e = link.inFlight.poll();
                if (e.toReceiver()) {
                    ArqReceiver.Outcome outcome = receiver.onData(e.index());
                    delivered.addAll(outcome.deliver());
                    link.send(now, false, 0, outcome.cumulative(), outcome.selective());
                } else {
                    sender.onAck(e.cumulative(), e.selective(), now);
                }
            }
        }
        assertThat(sender.finished()).isTrue();
        return delivered;
    }

    @ParameterizedTest(name = "{0} N={1} loss={2}")
    @CsvSource({
            "GO_BACK_N, 1, 0.0", "GO_BACK_N, 8, 0.1", "GO_BACK_N, 32, 0.3",
            "SELECTIVE_REPEAT, 8, 0.1", "SELECTIVE_REPEAT, 32, 0.3",
            "STOP_AND_WAIT, 8, 0.2"})
    void deliversEverySegmentOnceInOrderForManySeeds(Strategy strategy, int window, double loss) {
        long segments = 200;
        List<Long> expected = java.util.stream.LongStream.range(0, segments).boxed().toList();
        for (long seed = 1; seed <= 40; seed++) {
            assertThat(run(strategy, window, segments, loss, seed)).as("seed %d", seed).isEqualTo(expected);
        }
    }
}
