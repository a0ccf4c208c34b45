package chatlab.gbn;

import chatlab.lab.TestFiles;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.impair.Units;
import chatlab.p2p.trace.TraceHeader;
import chatlab.p2p.trace.TraceRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./lab gbn --trace}: traces a few transfers beside the sweep, one per point named, into
 * the run's {@code traces/} folder, where the report draws their timelines (chatlab.gbn.trace).
 * A traced transfer runs on the link of its point's first repeat, with the same seed, so its
 * n-th datagram meets the fate the n-th datagram of that repeat met.
 */
public final class GbnTraces {
    /** What {@code --trace} without a value stands for. */
    public static final String DEFAULT = "default";
    public static final String FORM = "STRATEGY:N:LOSS:DELAY, such as gbn:8:0.05:10ms";

    private GbnTraces() {
    }

    /**
     * The points {@code --trace} names (none if it was not given): {@value #DEFAULT} means one
     * per strategy of the sweep, at its window nearest 8 (Stop-and-Wait's 1), its loss rate
     * nearest 5% and its longest delay; otherwise points written {@value #FORM}, separated by commas.
     */
    public static List<SweepPoint> points(String option, SweepConfig config) {
        if (option == null) {
            return List.of();
        }
        if (option.isBlank() || option.strip().equals(DEFAULT)) {
            int window = nearest(config.windows().stream().map(Integer::doubleValue).toList(), 8).intValue();
            double loss = nearest(config.losses(), 0.05);
            double delay = config.delaysMs().stream().max(Comparator.naturalOrder()).orElse(10.0);
            return config.strategies().stream().map(s -> new SweepPoint(s, s.window(window), loss, delay, false)).toList();
        }
        List<SweepPoint> points = new ArrayList<>();
        for (String text : option.split(",")) {
            points.add(point(text.strip()));
        }
        return points;
    }

    private static Double nearest(List<Double> values, double target) {
        return values.stream().min(Comparator.comparingDouble(v -> Math.abs(v - target))).orElse(target);
    }

    /** One point written {@value #FORM}; the loss may be a percentage. */
    static SweepPoint point(String text) {
        String[] parts = text.split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("--trace takes points written " + FORM + ", not '" + text + "'");
        }
        try {
            Strategy strategy = Strategy.parse(parts[0]);
            int window = Integer.parseInt(parts[1].strip());
            String lossText = parts[2].strip();
            double loss = lossText.endsWith("%") ? Double.parseDouble(lossText.substring(0, lossText.length() - 1)) / 100
                    : Double.parseDouble(lossText);
            double delayMs = Units.duration(parts[3].strip()).toNanos() / 1e6;
            if (window < 1 || !(loss >= 0 && loss < 1)) {
                throw new IllegalArgumentException("the window must be at least 1 and the loss from 0 to below 1");
            }
            return new SweepPoint(strategy, strategy.window(window), loss, delayMs, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--trace point '" + text + "' (" + FORM + "): " + e.getMessage(), e);
        }
    }

    /** The trace file's name for a point: {@code gbn-n8-p0.05-d10ms.jsonl}. */
    static String fileName(SweepPoint p) {
        return String.format(Locale.ROOT, "%s-n%d-p%s-d%sms.jsonl", p.strategy().code(), p.window(),
                SweepPoint.trim(p.loss()), SweepPoint.trim(p.delayMs()));
    }

    /**
     * The file a traced transfer sends when the sweep sizes its files per point: a timeline shows
     * a few round trips, so a short transfer is enough, and its trace stays small.
     */
    static final long TRACED_BYTES = 64 * 1024;

    /** Runs and traces one transfer per point into {@code dir/traces/}; returns the trace files written. */
    public static List<Path> record(List<SweepPoint> points, SweepConfig config, Path dir) throws IOException {
        if (points.isEmpty()) {
            return List.of();
        }
        long bytes = config.fileBytes() > 0 ? config.fileBytes() : TRACED_BYTES;
        byte[] file = TestFiles.bytes(bytes, config.seed());
        String sha = TestFiles.sha256(file);
        Path scratch = Files.createTempDirectory("chatlab-gbn-trace");
        List<Path> written = new ArrayList<>();
        try {
            for (SweepPoint point : points) {
                Path trace = dir.resolve(chatlab.gbn.trace.TraceIndex.FOLDER).resolve(fileName(point));
                long seed = config.seed(point, 1);
                TraceHeader header = TraceHeader.of("lab gbn", "both", point.label() + ", on the link of repeat 1")
                        .withTransfer(null, null, "sweep.bin", bytes)
                        .withArq(point.strategy().code(), point.window(), config.chunkBytes(),
                                (bytes + config.chunkBytes() - 1) / config.chunkBytes())
                        .withLinks(TraceHeader.Link.of(TransferRun.dataLink(point, config)),
                                TraceHeader.Link.of(TransferRun.ackLink(point)), seed);
                Measurement m;
                try (TraceRecorder recorder = TraceRecorder.open(trace, header)) {
                    m = TransferRun.run(point, 1, seed, config, file, sha, scratch, recorder);
                }
                System.out.println("Traced " + point.label() + (m.ok() ? "" : " (the transfer failed: " + m.error() + ")")
                        + ": " + trace.toAbsolutePath().normalize() + "; its timeline: "
                        + trace.resolveSibling(fileName(point).replace(".jsonl", ".html")).getFileName());
                written.add(trace);
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
        return written;
    }
}
