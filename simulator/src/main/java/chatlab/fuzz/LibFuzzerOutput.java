package chatlab.fuzz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What libFuzzer (under Jazzer) says as it runs, read line by line: its status lines
 * ({@code #4096 pulse cov: 120 ft: 300 corp: 40/2Kb ...}), its final statistics, and a finding
 * with the file its input was written to.
 */
final class LibFuzzerOutput {
    private static final Pattern STATUS = Pattern.compile("^#(\\d+)\\s+\\S+\\s+cov: (\\d+) ft: (\\d+) corp: (\\d+)/.*");
    private static final Pattern DONE = Pattern.compile("^Done (\\d+) runs in (\\d+) second.*");
    private static final Pattern STAT = Pattern.compile("^stat::(\\w+):\\s+(\\d+)");
    private static final Pattern UNIT = Pattern.compile(".*Test unit written to (\\S+).*");
    private static final String EXCEPTION = "== Java Exception: ";

    volatile long runs;
    long seconds;
    long execsPerSecond;
    long peakRssMiB;
    int coverage;
    int features;
    int corpus;
    /** The first finding: the exception, or libFuzzer's error (a timeout, running out of memory). */
    String finding;
    /** Where libFuzzer wrote the failing input. */
    String unit;
    /** Whether the run was asked to end early (SIGUSR1): libFuzzer then stops gracefully, with no "Done" line. */
    boolean stoppedEarly;

    /** The run's length: libFuzzer's own when it said it, else its executions over its rate (a run stopped early). */
    long elapsedSeconds() {
        return seconds > 0 || execsPerSecond == 0 ? seconds : Math.round((double) runs / execsPerSecond);
    }

    /** Reads one line; returns false for the instrumentation notices a log need not keep. */
    boolean accept(String line) {
        if (line.startsWith("INFO: Instrumented ")) {
            return false;
        }
        Matcher m;
        if ((m = STATUS.matcher(line)).matches()) {
            runs = Long.parseLong(m.group(1));
            coverage = Integer.parseInt(m.group(2));
            features = Integer.parseInt(m.group(3));
            corpus = Integer.parseInt(m.group(4));
        } else if ((m = DONE.matcher(line)).matches()) {
            runs = Long.parseLong(m.group(1));
            seconds = Long.parseLong(m.group(2));
        } else if ((m = STAT.matcher(line)).matches()) {
            long value = Long.parseLong(m.group(2));
            switch (m.group(1)) {
                case "average_exec_per_sec" -> execsPerSecond = value;
                case "peak_rss_mb" -> peakRssMiB = value;
                case "number_of_executed_units" -> runs = Math.max(runs, value);
                default -> { }
            }
        } else if (line.startsWith(EXCEPTION)) {
            finding = finding != null ? finding : line.substring(EXCEPTION.length()).strip();
        } else if (line.startsWith("==") && line.contains("ERROR: libFuzzer")) {
            finding = finding != null ? finding : line.replaceFirst("^==\\d+==\\s*", "");
        } else if (line.contains("libFuzzer: exiting as requested")) {
            stoppedEarly = true;
        } else if ((m = UNIT.matcher(line)).matches()) {
            unit = m.group(1);
        }
        return true;
    }
}
