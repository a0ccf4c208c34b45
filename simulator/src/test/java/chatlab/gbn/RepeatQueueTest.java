package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.p2p.arq.Strategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RepeatQueueTest {
    private static final int PARALLEL = 4;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    private final AtomicInteger going = new AtomicInteger();
    private final AtomicInteger mostGoing = new AtomicInteger();
    private final List<SweepPoint> started = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static SweepConfig config(int minRepeats, int maxRepeats) {
        return new SweepConfig(List.of(4, 64), List.of(0.0, 0.1), List.of(2.0),
                List.of(Strategy.GO_BACK_N), 0, 200, 1024, 8_000_000, minRepeats, maxRepeats, 0.05, PARALLEL, 1, null,
                List.of(), 1 << 20);
    }

    /** Runs the queue with a fake transfer whose steady goodput each point draws from its repeat number. */
    private List<Measurement> run(SweepConfig config, Map<SweepPoint, IntToDoubleFunction> goodput) throws IOException {
        RepeatQueue queue = new RepeatQueue(config, pool, point -> new byte[16], (point, repeat, source) -> {
            mostGoing.accumulateAndGet(going.incrementAndGet(), Math::max);
            started.add(point);
            try {
                assertThat(source.file()).hasSize(16);
                double bps = goodput.get(point).applyAsDouble(repeat);
                return new Measurement(point.strategy(), point.window(), point.loss(), point.delayMs(), false, repeat, 0,
                        16, 1, 1, bps, bps, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, Double.isNaN(bps) ? "failed" : null);
            } finally {
                going.decrementAndGet();
            }
        });
        List<Integer> done = new ArrayList<>();
        List<Measurement> all = queue.run(config.impairedPoints(), (point, doneSoFar, inFlight) -> done.add(doneSoFar));
        assertThat(done).as("each point reported done once, in count").isEqualTo(
                java.util.stream.IntStream.rangeClosed(1, config.impairedPoints().size()).boxed().toList());
        assertThat(mostGoing.get()).isLessThanOrEqualTo(PARALLEL);
        return all;
    }

    private static Map<SweepPoint, Long> runsPerPoint(List<Measurement> all) {
        return all.stream().collect(Collectors.groupingBy(Measurement::point, Collectors.counting()));
    }

    @Test
    void steadyPointsRunTheLeastNumberOfRepeatsAndComeBackInOrder() throws IOException {
        SweepConfig config = config(3, 32);
        Map<SweepPoint, IntToDoubleFunction> goodput = new ConcurrentHashMap<>();
        config.impairedPoints().forEach(p -> goodput.put(p, repeat -> 1e6));
        List<Measurement> all = run(config, goodput);
        assertThat(runsPerPoint(all)).hasSize(4).allSatisfy((point, runs) -> assertThat(runs).isEqualTo(3));
        List<SweepPoint> order = all.stream().map(Measurement::point).distinct().toList();
        assertThat(order).as("the configuration's order").isEqualTo(config.impairedPoints());
        assertThat(all.subList(0, 3)).extracting(Measurement::repeat).containsExactly(1, 2, 3);
        SweepPoint longest = config.impairedPoints().stream()
                .max(java.util.Comparator.comparingDouble(p -> config.frames(p) * config.predict(p).perFrame())).orElseThrow();
        assertThat(started.get(0)).as("the longest transfers start first").isEqualTo(longest);
    }

    @Test
    void aNoisyPointStopsAtTheCapAndAModeratePointWhenPrecise() throws IOException {
        SweepConfig config = config(3, 24);
        List<SweepPoint> points = config.impairedPoints();
        Map<SweepPoint, IntToDoubleFunction> goodput = new ConcurrentHashMap<>();
        goodput.put(points.get(0), repeat -> repeat % 2 == 0 ? 3e6 : 1e6); // ±50%: never precise
        goodput.put(points.get(1), repeat -> 1e6 * (1 + 0.1 * (repeat % 3 - 1))); // ±10% spread
        goodput.put(points.get(2), repeat -> Double.NaN); // every try fails
        goodput.put(points.get(3), repeat -> 2e6);
        Map<SweepPoint, Long> runs = runsPerPoint(run(config, goodput));
        assertThat(runs.get(points.get(0))).isEqualTo(24);
        assertThat(runs.get(points.get(1))).isBetween(4L, 23L);
        assertThat(runs.get(points.get(2))).as("failures stop at the least number").isEqualTo(3);
        assertThat(runs.get(points.get(3))).isEqualTo(3);
        double[] moderate = java.util.stream.LongStream.rangeClosed(1, runs.get(points.get(1)))
                .mapToDouble(r -> 1e6 * (1 + 0.1 * (r % 3 - 1))).toArray();
        assertThat(PointStats.precise(moderate, 0.05)).as("it stopped once precise").isTrue();
    }
}
