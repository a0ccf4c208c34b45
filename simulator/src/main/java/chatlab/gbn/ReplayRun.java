package chatlab.gbn;

import chatlab.lab.Json;
import chatlab.lab.Machine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files of one replay: {@code run.json} (the experiment, its parameters with their sources,
 * the seed, the machine, and the seed system's own figures), {@code results.json} and the same
 * rows as {@code results.csv}. The report is built from these alone.
 */
public record ReplayRun(String runId, String command, String startedAt, String finishedAt, Machine machine,
        ReplaySetup setup, List<ReplayRow> rows) {

    /** What run.json holds. */
    public record Info(String experiment, String runId, String command, String startedAt, String finishedAt,
            Machine machine, ReplaySetup setup, String seeds, Theirs theirs) {
    }

    /** The seed system's figures, as its report gives them. */
    public record Theirs(String source, Map<Integer, List<Double>> secondsByWindow, int receivers, double parallelT,
            double inTurnT) {
        static Theirs csc573() {
            return new Theirs(Csc573.REPORT, Csc573.THEIR_SECONDS, Csc573.THEIR_RECEIVERS, Csc573.THEIR_PARALLEL_T,
                    Csc573.THEIR_SEQUENTIAL_T);
        }
    }

    /** What results.json holds. */
    public record Results(List<ReplayRow> rows) {
    }

    static final String SEEDS = "every repeat of each part derives its seed from the run's seed (see results): the "
            + "windows of one repeat share theirs, and so do its fan-outs at once and in turn; it seeds the impairers, "
            + "the transfer ids and first sequence numbers; the file's text derives from it too";

    /** Whether a run folder holds a replay rather than a sweep. */
    public static boolean isReplay(Path dir) throws IOException {
        Path info = dir.resolve("run.json");
        return Files.exists(info) && Json.mapper().readTree(info.toFile()).hasNonNull("experiment");
    }

    public void write(Path dir) throws IOException {
        Json.write(dir.resolve("run.json"), new Info(setup.experiment(), runId, command, startedAt, finishedAt, machine,
                setup, SEEDS, Theirs.csc573()));
        Json.write(dir.resolve("results.json"), new Results(rows));
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("results.csv")))) {
            csv.println("part,window,receivers,repeat,seed,seconds,transfer_seconds,retransmissions,timeouts,error");
            for (ReplayRow r : rows) {
                csv.printf(Locale.ROOT, "%s,%d,%d,%d,%d,%.6f,%s,%d,%d,%s%n", r.part(), r.window(), r.receivers(),
                        r.repeat(), r.seed(), r.seconds(), r.transferSeconds().stream()
                                .map(s -> String.format(Locale.ROOT, "%.6f", s)).collect(Collectors.joining(";")),
                        r.retransmissions(), r.timeouts(), r.error() == null ? "" : "\"" + r.error().replace("\"", "'") + "\"");
            }
        }
    }

    public static ReplayRun read(Path dir) throws IOException {
        Path info = dir.resolve("run.json");
        Path results = dir.resolve("results.json");
        if (!Files.exists(info) || !Files.exists(results)) {
            throw new IOException(dir + " is not a replay: it lacks run.json or results.json");
        }
        Info i = Json.read(info, Info.class);
        Results r = Json.read(results, Results.class);
        return new ReplayRun(i.runId(), i.command(), i.startedAt(), i.finishedAt(), i.machine(), i.setup(), r.rows());
    }
}
