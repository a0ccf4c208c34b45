package chatlab.p2p.arq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drives a sender and a receiver through the link that {@code ./lab gbn} models, with manual
 * time: data frames are serialised one after another at the link rate, waiting in a FIFO queue
 * for the link, then propagate for the one-way delay; a lost frame is lost after it crossed the
 * link. Acknowledgements take the delay back and are never lost. A window larger than the pipe
 * waits in the queue, so its round trips grow far beyond the first ones.
 */
class RateLimitedLinkTest {
    private static final long MS = 1_000_000;
    private static final long T_FRAME = 1_070_000; // 1070 bytes at 8 Mbit/s

    private record Event(long at, long order, boolean toReceiver, long index, long cumulative, long selective)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    /** What one transfer did on the link. */
    private record Run(ArqSender sender, long framesLost) {
    }

    private static Run run(Strategy strategy, int window, long segments, long delay, double loss, long seed) {
        RtoEstimator timer = RtoEstimator.adaptive(Duration.ofMillis(3750));
        timer.sample(2 * delay + MS / 10); // the handshake's round trip: small frames, an empty queue
        ArqSender sender = strategy.sender(segments, window, timer);
        ArqReceiver receiver = strategy.receiver(segments, window);
        SplittableRandom random = new SplittableRandom(seed);
        PriorityQueue<Event> inFlight = new PriorityQueue<>();
        long order = 0;
        long linkFreeAt = 0;
        long lost = 0;
        long now = 0;
        for (int step = 0; step < 1_000_000 && !sender.finished(); step++) {
            for (long index : sender.poll(now)) {
                linkFreeAt = Math.max(now, linkFreeAt) + T_FRAME;
                if (random.nextDouble() < loss) {
                    lost++;
                } else {
                    inFlight.add(new Event(linkFreeAt + delay, order++, true, index, 0, 0));
                }
            }
            long next = Math.min(sender.nextDeadline(), inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().at());
            assertThat(next).as("the sender is stuck").isLessThan(Long.MAX_VALUE);
            now = Math.max(now, next);
            while (!inFlight.isEmpty() && inFlight.peek().at() <= now) {
                Event e = inFlight.poll();
                if (e.toReceiver()) {
                    ArqReceiver.Outcome outcome = receiver.onData(e.index());
                    inFlight.add(new Event(now + delay, order++, false, 0, outcome.cumulative(), outcome.selective()));
                } else {
                    sender.onAck(e.cumulative(), e.selective(), now);
                }
            }
        }
        assertThat(sender.finished()).as("finished within the step bound").isTrue();
        assertThat(receiver.complete()).isTrue();
        return new Run(sender, lost);
    }

    @ParameterizedTest(name = "{0} N={1} d={2} ms")
    @CsvSource({
            "SELECTIVE_REPEAT, 8, 1", "SELECTIVE_REPEAT, 16, 1", "SELECTIVE_REPEAT, 32, 1", "SELECTIVE_REPEAT, 64, 1",
            "SELECTIVE_REPEAT, 256, 1", "SELECTIVE_REPEAT, 32, 10", "SELECTIVE_REPEAT, 64, 10",
            "GO_BACK_N, 32, 1", "GO_BACK_N, 64, 10"})
    void aQueueBehindTheWindowCausesNoRetransmissionWhenNothingIsLost(Strategy strategy, int window, long delayMs) {
        long delay = delayMs * MS;
        ArqSender sender = run(strategy, window, 1024, delay, 0, 1).sender();

        assertThat(sender.stats().retransmissions()).as("spurious retransmissions").isZero();
        assertThat(sender.stats().timeouts()).as("timeouts").isZero();
        // the timer learned the queued round trip, not the first, short one
        long queued = Math.max(2 * delay + T_FRAME, window * T_FRAME);
        assertThat(sender.timer().srttNanos()).isGreaterThan(queued * 3 / 4);
        assertThat(sender.stats().rttSamples()).isEqualTo(1024);
    }

    /**
     * With the window at least the pipe, the acknowledgements of the frames ahead keep every
     * queued frame's timer from expiring, and each retransmission replaces a frame the link lost.
     */
    @ParameterizedTest(name = "N={0} d={1} ms loss={2}")
    @CsvSource({"8, 1, 0.05", "32, 1, 0.05", "64, 1, 0.1", "32, 10, 0.05", "64, 10, 0.1"})
    void selectiveRepeatResendsOnlyWhatTheLinkLost(int window, long delayMs, double loss) {
        for (long seed = 1; seed <= 20; seed++) {
            Run run = run(Strategy.SELECTIVE_REPEAT, window, 512, delayMs * MS, loss, seed);
            assertThat(run.sender().stats().retransmissions()).as("seed %d", seed).isEqualTo(run.framesLost());
        }
    }

    /**
     * Below the pipe the round trip is steady, RTTVAR decays and the RTO comes within the 1 ms
     * granularity of SRTT; when the first frame of a burst is lost, the frames behind it may
     * time out a frame time early. Selective Repeat still sends far less than Go-Back-N.
     */
    @ParameterizedTest(name = "N={0} d={1} ms loss={2}")
    @CsvSource({"4, 10, 0.05", "16, 10, 0.05", "16, 10, 0.1"})
    void belowThePipeSelectiveRepeatStillSendsLessThanGoBackN(int window, long delayMs, double loss) {
        long sr = 0;
        long gbn = 0;
        long lost = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Run run = run(Strategy.SELECTIVE_REPEAT, window, 512, delayMs * MS, loss, seed);
            sr += run.sender().stats().retransmissions();
            lost += run.framesLost();
            gbn += run(Strategy.GO_BACK_N, window, 512, delayMs * MS, loss, seed).sender().stats().retransmissions();
        }
        assertThat(sr).isGreaterThanOrEqualTo(lost).isLessThan(gbn / 2);
    }
}
