package chatlab.report;

import chatlab.lab.Json;
import chatlab.sim.SimRun;
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
public record Pauses(String process, double maxMs, double virtualMaxMs) {
    /** The pauses of every process that wrote a stats file, the server first. */
    public static List<Pauses> of(Path dir) throws IOException {
        SimRun run = Json.read(dir.resolve(SimRun.FILE), SimRun.class);
        long loadStartMillis = (run.originEpochMicros() + run.loadStart()) / 1000;
        List<Pauses> pauses = new ArrayList<>();
        for (ProcessStatsFile file : ProcessStatsFile.all(dir, SimRun.SERVER_STATS, loadStartMillis)) {
            pauses.add(new Pauses(file.process(), file.max("hiccupMs"), file.max("vtHiccupMs")));
        }
        return pauses;
    }

    /** "server stood still up to 12 ms (virtual threads: 40 ms)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s stood still up to %.0f ms (virtual threads: %.0f ms)", process, maxMs,
                virtualMaxMs);
    }
}
