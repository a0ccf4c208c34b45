package chatlab.workload;

import chatlab.net.toxic.Toxic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a scenario's nemesis: a fault on some groups' proxies, once at {@code at} for
 * {@code duration}, or again every {@code every} until {@code until}. {@code partition} takes
 * the proxy down (connections drop, new ones are refused); the other kinds add a toxic.
 */
public record FaultSpec(String kind, Toxic toxic, List<String> groups, Duration at, Duration duration, Duration every,
        Duration until) {
    public static final String PARTITION = "partition";

    public FaultSpec {
        groups = List.copyOf(groups);
    }

    /** The windows this entry makes in a run of {@code length}: each clipped to the run, in time order. */
    public List<FaultWindow> windows(Duration length, int firstId) {
        List<FaultWindow> windows = new ArrayList<>();
        Duration end = until == null || until.compareTo(length) > 0 ? length : until;
        for (Duration start = at; start.compareTo(end) < 0 && windows.size() < 10_000; start = start.plus(every)) {
            Duration stop = start.plus(duration).compareTo(length) > 0 ? length : start.plus(duration);
            windows.add(new FaultWindow(firstId + windows.size(), this, start, stop));
            if (every == null) {
                break;
            }
        }
        return windows;
    }

    /** A short description: "partition of office" or "latency 300ms on office, commuters". */
    public String describe() {
        String on = String.join(", ", groups);
        return switch (toxic) {
            case null -> "partition of " + on;
            case chatlab.net.toxic.Latency l -> "latency " + l.latency().toMillis() + "ms on " + on;
            default -> kind + " on " + on;
        };
    }

    static FaultSpec parse(ConfigNode node, List<String> groupNames, Duration length) {
        String kind = node.require("fault").text();
        String[] common = {"fault", "groups", "at", "duration", "every", "until"};
        Toxic toxic = null;
        if (kind.equals(PARTITION) || kind.equals("down")) {
            node.allowOnly(common);
            kind = PARTITION;
        } else if (Toxics.KINDS.contains(kind)) {
            toxic = Toxics.parse(kind, node, common);
        } else {
            throw node.get("fault").error("unknown fault; the faults are partition, " + String.join(", ", Toxics.KINDS));
        }
        List<String> groups = new ArrayList<>();
        for (ConfigNode g : node.require("groups").items()) {
            if (!groupNames.contains(g.text())) {
                throw g.error("no group named '" + g.text() + "'; the groups are " + String.join(", ", groupNames));
            }
            groups.add(g.text());
        }
        Duration at = node.get("at").duration(Duration.ZERO);
        Duration duration = node.require("duration").duration();
        if (duration.isZero()) {
            throw node.get("duration").error("must be more than 0");
        }
        if (at.compareTo(length) >= 0) {
            throw node.get("at").error("starts at or after the end of the run (" + length.toSeconds() + " s)");
        }
        Duration every = node.get("every").present() ? node.get("every").duration() : null;
        if (every != null && every.compareTo(duration) <= 0) {
            throw node.get("every").error("must be longer than the duration, so that one window ends before the next");
        }
        Duration until = node.get("until").present() ? node.get("until").duration() : null;
        return new FaultSpec(kind, toxic, groups, at, duration, every, until);
    }
}
