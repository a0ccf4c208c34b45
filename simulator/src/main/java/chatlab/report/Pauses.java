package chatlab.report;

import chatlab.lab.Json;
import chatlab.metrics.Series;
import chatlab.workload.ServerCrash;
import chatlab.workload.ServerPause;
import chatlab.run.SimRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long each process of a run stood still, from the hiccup meters in their stats files: the
 * longest stall a platform thread saw (GC, safepoints, a frozen process) and the longest a
 * virtual thread saw (those, and every carrier thread busy). A latency no longer than its
 * process's own stall may be nothing but that stall.
 */
public record Pauses(String process, double maxMs, double virtualMaxMs, double ownMaxMs) {
    /** The nemesis's own kinds of fault that stop the server: stalls in their windows are the fault, not the server's. */
    private static final java.util.Set<String> STOPPING = java.util.Set.of(ServerPause.KIND, ServerCrash.KIND);

    /** The pauses of every process that wrote a stats file, the server first. */
    public static List<Pauses> of(Path dir) throws IOException {
        SimRun run = Json.read(dir.resolve(SimRun.FILE), SimRun.class);
        Series series = Json.read(dir.resolve(SimRun.SERIES), Series.class);
        long loadStartMillis = (run.originEpochMicros() + run.loadStart()) / 1000;
        List<Pauses> pauses = new ArrayList<>();
        for (ProcessStatsFile file : ProcessStatsFile.all(dir, SimRun.SERVER_STATS, loadStartMillis)) {
            double own = file.samples().stream().filter(s -> !file.process().equals("server") || !stopped(series, s.second()))
                    .mapToDouble(s -> Math.max(s.get("hiccupMs"), s.get("vtHiccupMs"))).filter(v -> !Double.isNaN(v))
                    .max().orElse(0);
            pauses.add(new Pauses(file.process(), file.max("hiccupMs"), file.max("vtHiccupMs"), own));
        }
        return pauses;
    }

    /** Whether a stats line written at {@code second} may measure a stall the nemesis caused (a pause, or a restart). */
    private static boolean stopped(Series series, double second) {
        return series.faults().stream().anyMatch(f -> STOPPING.contains(f.kind()) && second >= f.start()
                && second <= f.end() + 2);
    }

    /** "server stood still up to 12 ms (virtual threads: 40 ms)", and what remains once the nemesis's own pauses are left out. */
    public String describe() {
        String all = String.format(Locale.ROOT, "%s stood still up to %.0f ms (virtual threads: %.0f ms)", process, maxMs,
                virtualMaxMs);
        return ownMaxMs < Math.max(maxMs, virtualMaxMs)
                ? all + String.format(Locale.ROOT, "; %.0f ms apart from the nemesis's pauses and restarts", ownMaxMs) : all;
    }
}
