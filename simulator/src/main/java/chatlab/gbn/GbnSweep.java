package chatlab.gbn;

import chatlab.lab.Machine;
import chatlab.lab.Progress;
import chatlab.lab.Seeds;
import chatlab.lab.TestFiles;
import chatlab.p2p.arq.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The Go-Back-N sweep of {@code ./lab gbn}: every transfer of a {@link SweepConfig}, measured. */
public final class GbnSweep {
    private GbnSweep() {
    }

    /**
     * Runs the sweep's impaired points, longest first, then the clean loopback runs, and gathers
     * them as one run; {@code command} and {@code started} are recorded with it.
     */
    public static GbnRun run(SweepConfig config, String runId, String command, String started) throws IOException {
        Path scratch = Files.createTempDirectory("chatlab-gbn");
        List<Measurement> measurements = new ArrayList<>();
        List<Blast> blasts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(config.parallel(),
                Thread.ofPlatform().name("gbn-transfer-", 0).daemon().factory());
        try (Progress progress = new Progress("Go-Back-N sweep (work the model expects)", config.expectedWorkMillis(), " s",
                1000)) {
            progress.message("warming up");
            warmUp(config, scratch);
            RepeatQueue queue = new RepeatQueue(config, pool, point -> TestFiles.bytes(config.frames(point) * config.chunkBytes(),
                    config.seed(point, 0)), (point, repeat, source) -> TransferRun.run(point, repeat,
                            config.seed(point, repeat), config, source.file(), source.sha256(), scratch));
            progress.message(config.parallel() + " transfers at a time, longest first");
            long[] work = {0};
            measurements.addAll(queue.run(config.impairedPoints(), (point, done, going) -> {
                work[0] += config.expectedWorkMillis(point);
                progress.stepTo(work[0], done + " of " + config.impairedPoints().size() + " points, " + point.label()
                        + " done; " + going + " transfers going");
            }));
            if (!config.cleanWindows().isEmpty()) {
                cleanRuns(config, scratch, progress, measurements, blasts);
            }
        } finally {
            pool.shutdownNow();
            Files.deleteIfExists(scratch);
        }
        return new GbnRun(runId, command, started, Instant.now().toString(), Machine.current(), config, measurements,
                blasts);
    }

    /**
     * The clean loopback runs: each round blasts raw bytes and the sealed datagrams once each,
     * then sends the big file once at each clean window, so that the baselines and the transfers
     * set against them meet the same state of the machine; the report compares their medians.
     */
    private static void cleanRuns(SweepConfig config, Path scratch, Progress progress, List<Measurement> measurements,
            List<Blast> blasts) throws IOException {
        byte[] big = TestFiles.bytes(config.cleanFileBytes(), config.seed() + 1);
        String bigSha = TestFiles.sha256(big);
        long datagrams = (config.cleanFileBytes() + config.chunkBytes() - 1) / config.chunkBytes();
        List<SweepPoint> clean = config.cleanPoints();
        List<Measurement> runs = new ArrayList<>();
        for (int r = 1; r <= config.cleanRepeats(); r++) {
            for (boolean sealed : new boolean[] {false, true}) {
                progress.message("clean loopback, round " + r + " of " + config.cleanRepeats() + ": "
                        + (sealed ? "sealed" : "raw") + " UDP blast");
                blasts.add(RawBlast.run(r, config.frameBytes(), config.chunkBytes(), datagrams, sealed));
            }
            for (int i = 0; i < clean.size(); i++) {
                SweepPoint point = clean.get(i);
                progress.message("clean loopback, round " + r + " of " + config.cleanRepeats() + ": " + point.label());
                runs.add(TransferRun.run(point, r, Seeds.derive(config.seed(), 10_000 + i, r), config, big, bigSha,
                        scratch));
            }
        }
        runs.sort(java.util.Comparator.comparingInt((Measurement m) -> m.window()).thenComparingInt(Measurement::repeat));
        measurements.addAll(runs);
        progress.stepTo(config.expectedWorkMillis(), "clean loopback done");
    }

    /**
     * Runs a few transfers that are not recorded, so that the measured ones run compiled code,
     * not the interpreter: the first points would otherwise be measured slow.
     */
    private static void warmUp(SweepConfig config, Path scratch) throws IOException {
        byte[] file = TestFiles.bytes(1 << 20, 0);
        String sha = TestFiles.sha256(file);
        for (Strategy strategy : List.of(Strategy.GO_BACK_N, Strategy.SELECTIVE_REPEAT)) {
            TransferRun.run(new SweepPoint(strategy, 64, 0, 0, true), 0, 0, config, file, sha, scratch);
            TransferRun.run(new SweepPoint(strategy, 16, 0.05, 1, false), 0, 0, config, file, sha, scratch);
        }
    }
}
