package chatlab.workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scheduled entry of a scenario's nemesis: a fault on some groups' proxies (or on the server),
 * once at {@code at} for {@code duration}, or again every {@code every} until {@code until}.
 */
public record FaultSpec(Fault fault, List<String> groups, Duration at, Duration duration, Duration every,
        Duration until) implements FaultPlan {
    private static final String[] FIELDS = {"fault", "groups", "at", "duration", "every", "until"};

    public FaultSpec {
        groups = List.copyOf(groups);
    }

    @Override
    public boolean onServer() {
        return fault.onServer();
    }

    /** The windows this entry makes in a run of {@code length}: each clipped to the run, in time order. */
    @Override
    public List<FaultWindow> windows(long seed, Duration length, int firstId) {
        List<FaultWindow> windows = new ArrayList<>();
        Duration end = until == null || until.compareTo(length) > 0 ? length : until;
        for (Duration start = at; start.compareTo(end) < 0 && windows.size() < 10_000; start = start.plus(every)) {
            Duration stop = start.plus(duration).compareTo(length) > 0 ? length : start.plus(duration);
            windows.add(new FaultWindow(firstId + windows.size(), fault, groups, start, stop));
            if (every == null) {
                break;
            }
        }
        return windows;
    }

    static FaultSpec parse(ConfigNode node, List<String> groupNames, Duration length) {
        Fault fault = Faults.read(node, FIELDS);
        List<String> groups = fault.onServer() ? List.of() : groups(node.require("groups"), groupNames);
        if (fault.onServer() && node.get("groups").present()) {
            throw node.get("groups").error(fault.kind() + " strikes the server, not groups: leave groups out");
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
        return new FaultSpec(fault, groups, at, duration, every, until);
    }

    /** The named groups, each checked against the scenario's. */
    static List<String> groups(ConfigNode list, List<String> groupNames) {
        List<String> groups = new ArrayList<>();
        for (ConfigNode g : list.items()) {
            if (!groupNames.contains(g.text())) {
                throw g.error("no group named '" + g.text() + "'; the groups are " + String.join(", ", groupNames));
            }
            groups.add(g.text());
        }
        if (groups.isEmpty()) {
            throw list.error("name at least one group");
        }
        return groups;
    }
}
