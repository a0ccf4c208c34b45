package chatlab.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A nemesis entry that draws its faults from the run's seed, as Jepsen's combined nemesis does:
 * which fault, on which group, when, and for how long. Faults follow one another, each after a
 * quiet gap; the same seed gives the same faults, another seed others.
 *
 * <pre>
 * - random:
 *     faults: [latency, partition, kill, pause, {fault: slicer, averageSize: 2}]
 *     groups: [office, commuters]        # network faults strike one of these at a time
 *     from: 10s                          # no fault before (default 0)
 *     until: 100s                        # none after (default: the end of the load)
 *     gap: {uniform: [5s, 15s]}          # quiet time before each fault
 *     duration: {uniform: [2s, 8s]}      # how long each lasts (a kill: how long the server stays down)
 * </pre>
 */
public record RandomFaults(List<Fault> faults, List<String> groups, Duration from, Duration until, ThinkTime gap,
        ThinkTime duration) implements FaultPlan {
    private static final ThinkTime DEFAULT_GAP = new ThinkTime.Uniform(Duration.ofSeconds(5), Duration.ofSeconds(15));
    private static final ThinkTime DEFAULT_DURATION = new ThinkTime.Uniform(Duration.ofSeconds(2), Duration.ofSeconds(8));

    public RandomFaults {
        faults = List.copyOf(faults);
        groups = List.copyOf(groups);
    }

    @Override
    public boolean onServer() {
        return faults.stream().anyMatch(Fault::onServer);
    }

    @Override
    public List<FaultWindow> windows(long seed, Duration length, int firstId) {
        SplittableRandom random = new SplittableRandom(seed);
        long end = Math.min(length.toNanos(), until == null ? Long.MAX_VALUE : until.toNanos());
        List<FaultWindow> windows = new ArrayList<>();
        long t = from.toNanos() + gap.sample(random);
        while (t < end && windows.size() < 10_000) {
            Fault fault = faults.get(random.nextInt(faults.size()));
            long lasting = Math.max(1_000_000L, duration.sample(random));
            List<String> on = fault.onServer() ? List.of() : List.of(groups.get(random.nextInt(groups.size())));
            long stop = Math.min(end, t + lasting);
            windows.add(new FaultWindow(firstId + windows.size(), fault, on, Duration.ofNanos(t), Duration.ofNanos(stop)));
            t = stop + Math.max(1_000_000L, gap.sample(random));
        }
        return windows;
    }

    static RandomFaults parse(ConfigNode node, List<String> groupNames, Duration length) {
        node.allowOnly("faults", "groups", "from", "until", "gap", "duration");
        List<Fault> faults = new ArrayList<>();
        for (ConfigNode f : node.require("faults").items()) {
            faults.add(f.isObject() ? Faults.read(f, "fault") : Faults.byName(f));
        }
        if (faults.isEmpty()) {
            throw node.get("faults").error("name at least one fault");
        }
        boolean network = faults.stream().anyMatch(f -> !f.onServer());
        List<String> groups = network ? FaultSpec.groups(node.require("groups"), groupNames) : List.of();
        if (!network && node.get("groups").present()) {
            throw node.get("groups").error("these faults strike the server, not groups: leave groups out");
        }
        Duration from = node.get("from").duration(Duration.ZERO);
        if (from.compareTo(length) >= 0) {
            throw node.get("from").error("starts at or after the end of the run (" + length.toSeconds() + " s)");
        }
        Duration until = node.get("until").present() ? node.get("until").duration() : null;
        if (until != null && until.compareTo(from) <= 0) {
            throw node.get("until").error("must be after from");
        }
        ThinkTime gap = node.get("gap").present() ? ThinkTime.parse(node.get("gap")) : DEFAULT_GAP;
        ThinkTime duration = node.get("duration").present() ? ThinkTime.parse(node.get("duration")) : DEFAULT_DURATION;
        return new RandomFaults(faults, groups, from, until, gap, duration);
    }
}
