package chatlab.workload;

import java.time.Duration;
import java.util.List;

/**
 * A whole simulation, as a scenario file describes it: who the users are and what they do, for
 * how long, which faults strike when, and what counts as a pass. One seed decides every random
 * choice in it.
 */
public record Scenario(String name, String description, long seed, Duration duration, Duration warmUp,
        Duration drain, Duration requestTimeout, ServerSettings server, BlockSpec blocks, List<GroupSpec> groups,
        List<FaultPlan> nemesis, List<Threshold> thresholds) {

    public Scenario {
        groups = List.copyOf(groups);
        nemesis = List.copyOf(nemesis);
        thresholds = List.copyOf(thresholds);
        warmUp = warmUp == null ? Duration.ZERO : warmUp;
    }

    public GroupSpec group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group " + name));
    }

    /**
     * Every fault window of the run, numbered from 0 in the order of the nemesis entries: a pure
     * function of the scenario and its seed, so every shard and every analysis sees the same.
     */
    public List<FaultWindow> faultWindows() {
        List<FaultWindow> windows = new java.util.ArrayList<>();
        for (int i = 0; i < nemesis.size(); i++) {
            windows.addAll(nemesis.get(i).windows(chatlab.lab.Seeds.derive(seed, NEMESIS_STREAM, i), duration,
                    windows.size()));
        }
        windows.sort(java.util.Comparator.comparing(FaultWindow::start).thenComparing(FaultWindow::id));
        return windows;
    }

    /** The seed stream of the nemesis, apart from every user's (which are numbered by group from 0). */
    private static final long NEMESIS_STREAM = -3;

    /** Whether any nemesis entry strikes the server: such runs need the server the lab starts. */
    public boolean faultsOnServer() {
        return nemesis.stream().anyMatch(FaultPlan::onServer);
    }

    /** Whether any group goes through Toxiproxy. */
    public boolean needsToxiproxy() {
        return groups.stream().anyMatch(GroupSpec::proxy);
    }

    public Scenario withSeed(long value) {
        return new Scenario(name, description, value, duration, warmUp, drain, requestTimeout, server, blocks, groups, nemesis,
                thresholds);
    }

    /** The same run without faults: no proxies, no toxics, no nemesis. */
    public Scenario withoutFaults() {
        List<GroupSpec> direct = groups.stream().map(GroupSpec::withoutNetwork).toList();
        return new Scenario(name, description, seed, duration, warmUp, drain, requestTimeout, server, blocks, direct, List.of(),
                thresholds);
    }
}
