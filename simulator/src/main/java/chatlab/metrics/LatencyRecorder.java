package chatlab.metrics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One latency, in microseconds: the whole run's histogram (after any warm-up) and one per
 * second of the run (by when each operation began), written as an HdrHistogram interval log.
 */
final class LatencyRecorder {
    private static final int DIGITS = 3;

    private final Histogram total = new Histogram(DIGITS);
    private final Map<Long, Histogram> perSecond = new TreeMap<>();

    /** Records into its second, and into the whole run's histogram when it {@code counts} (not warm-up). */
    void record(long second, long micros, boolean counts) {
        long value = Math.max(1, micros);
        if (counts) {
            total.recordValue(value);
        }
        perSecond.computeIfAbsent(second, s -> new Histogram(DIGITS)).recordValue(value);
    }

    Histogram total() {
        return total;
    }

    Map<Long, Histogram> perSecond() {
        return perSecond;
    }

    /** Writes the per-second histograms as an interval log; times are seconds since the load began. */
    void writeLog(Path file, long loadStartEpochMillis, String name) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, java.nio.charset.StandardCharsets.UTF_8)) {
            org.HdrHistogram.HistogramLogWriter log = new org.HdrHistogram.HistogramLogWriter(out);
            log.outputComment("chatlab " + name + " latency, microseconds; interval times are seconds since the load began");
            log.outputLogFormatVersion();
            log.outputStartTime(loadStartEpochMillis);
            log.outputLegend();
            for (Map.Entry<Long, Histogram> e : perSecond.entrySet()) {
                log.outputIntervalHistogram(e.getKey(), e.getKey() + 1, e.getValue(), 1000.0);
            }
        }
    }
}
