package chatlab.sim;

import chatlab.run.SimRun;
import chatlab.run.SimulatorResources;

import chatlab.history.Event;
import chatlab.history.HistoryReader;
import chatlab.history.HistoryWriter;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.lab.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges the runs of a run's shards into one: the histories on their shared clock (each up to
 * its own end, every fault once, one end at the last), the histogram-free run.json, and the
 * server's stats. The merged run is then analysed like any other.
 */
public final class Merge {
    private Merge() {
    }

    private record Tagged(Event event, int shard) {
    }

    /** Merges the shard runs in {@code shards} into {@code out}; they must be the whole of one run. */
    public static SimRun merge(List<Path> shards, Path out, String runId, String command) throws IOException {
        return merge(shards, out, runId, command, null);
    }

    /** As above, for a run whose server the lab started with {@code serverCarriers} carrier threads. */
    static SimRun merge(List<Path> shards, Path out, String runId, String command, Integer serverCarriers)
            throws IOException {
        List<SimRun> runs = new ArrayList<>();
        for (Path dir : shards) {
            Path file = dir.resolve(SimRun.FILE);
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(dir + " holds no run.json: it is not a simulation run");
            }
            runs.add(Json.read(file, SimRun.class));
        }
        check(runs, shards);
        List<Tagged> events = new ArrayList<>();
        Set<String> faults = new HashSet<>();
        long end = Long.MIN_VALUE;
        for (int s = 0; s < runs.size(); s++) {
            int shard = Shard.parse(runs.get(s).shard()).index();
            boolean[] ended = {false};
            HistoryReader.read(shards.get(s).resolve(SimRun.HISTORY), e -> {
                if (ended[0]) {
                    return; // after a shard's end it only logs out: not part of what is checked
                }
                if (e.is(Op.END)) {
                    ended[0] = true;
                    return;
                }
                if (e.is(Op.FAULT) && !faults.add(e.fault().id() + "/" + e.fault().phase())) {
                    return; // every shard played the same fault on its own proxies
                }
                events.add(new Tagged(e, shard));
            });
            end = Math.max(end, runs.get(s).end());
        }
        events.sort(Comparator.comparingLong((Tagged t) -> t.event().t()).thenComparingInt(Tagged::shard)
                .thenComparingLong(t -> t.event().i()));
        Files.createDirectories(out);
        long count;
        try (HistoryWriter history = HistoryWriter.open(out.resolve(SimRun.HISTORY))) {
            for (Tagged t : events) {
                history.append(t.event());
            }
            history.append(Event.of(end, "sim", Type.EVENT, Op.END, null));
            count = history.count();
        }
        for (int s = 0; s < shards.size(); s++) {
            Path dir = shards.get(s);
            Path stats = dir.resolve(SimRun.SERVER_STATS);
            if (Files.exists(stats) && !Files.exists(out.resolve(SimRun.SERVER_STATS))) {
                Files.copy(stats, out.resolve(SimRun.SERVER_STATS), StandardCopyOption.REPLACE_EXISTING);
            }
            Path own = dir.resolve(SimRun.SIMULATOR_STATS);
            if (Files.exists(own)) {
                Files.copy(own, out.resolve("simulator-stats-" + Shard.parse(runs.get(s).shard()).index() + ".jsonl"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        SimRun first = runs.getFirst();
        List<SimulatorResources> simulators = new ArrayList<>();
        runs.forEach(r -> simulators.addAll(r.simulators()));
        SimRun merged = new SimRun(runId, command, first.version(), first.machine(),
                runs.stream().map(SimRun::started).min(Comparator.naturalOrder()).orElseThrow(),
                runs.stream().map(SimRun::ended).max(Comparator.naturalOrder()).orElseThrow(), first.scenarioName(),
                first.scenarioFile(), first.scenarioText(), first.scenarioJson(), first.overrides(), first.seed(),
                first.tag(), runs.size() + " shards", first.target(), first.embeddedServer()
                        || Files.exists(out.resolve(SimRun.SERVER_STATS)), first.toxiproxy(), first.originEpochMicros(),
                runs.stream().mapToLong(SimRun::loadStart).min().orElseThrow(),
                runs.stream().mapToLong(SimRun::loadEnd).max().orElseThrow(), end, count, simulators, first.driver(),
                first.promise(), serverCarriers != null ? serverCarriers : first.serverCarriers());
        Json.write(out.resolve(SimRun.FILE), merged);
        return merged;
    }

    /** The shards must be one run, whole: the same scenario, seed, tag and clock, every part once. */
    private static void check(List<SimRun> runs, List<Path> dirs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("give the folders of a run's shards");
        }
        SimRun first = runs.getFirst();
        Set<Integer> parts = new HashSet<>();
        int count = Shard.parse(first.shard()).count();
        for (int i = 0; i < runs.size(); i++) {
            SimRun r = runs.get(i);
            Shard shard = Shard.parse(r.shard());
            String where = dirs.get(i).toString();
            require(r.scenarioText().equals(first.scenarioText()) && r.overrides().equals(first.overrides()),
                    where + " ran another scenario or other overrides");
            require(r.seed() == first.seed() && r.tag().equals(first.tag()), where + " has another seed or tag");
            require(r.originEpochMicros() == first.originEpochMicros() && r.loadStart() == first.loadStart(),
                    where + " ran on another clock: shards need the same --origin and --start-at");
            require(shard.count() == count, where + " is shard " + shard + ", of another split than " + first.shard());
            require(parts.add(shard.index()), "shard " + shard + " is given twice");
        }
        require(parts.size() == count, "only " + parts.size() + " of " + count + " shards given: a run is checked whole");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
