package chatlab.metrics;

import chatlab.checker.Validity;
import chatlab.checker.Verdict;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run found: the checkers' verdicts, the latencies, throughput, errors, and the thresholds' outcome.
 * {@code validity} and {@code passed} are always derived from the verdicts and thresholds, never
 * taken as written, so a results file from an older version is judged by today's rule.
 */
public record Results(Validity validity, List<Verdict> verdicts, Map<String, LatencySummary> latency, Throughput throughput,
        Errors errors, List<ThresholdResult> thresholds, boolean passed) {

    /** How a run ends: every checker valid and every threshold met; a violation or a missed threshold; or neither proven. */
    public enum Outcome {
        PASSED(0), FAILED(1), INCONCLUSIVE(3);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        /** 0 passed, 1 failed, 3 inconclusive (2 is kept for bad arguments). */
        public int exitCode() {
            return exitCode;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Results {
        verdicts = List.copyOf(verdicts);
        thresholds = List.copyOf(thresholds);
        validity = Validity.of(verdicts);
        passed = validity == Validity.VALID && thresholdsMet(thresholds);
    }

    public Results(List<Verdict> verdicts, Map<String, LatencySummary> latency, Throughput throughput, Errors errors,
            List<ThresholdResult> thresholds) {
        this(Validity.VALID, verdicts, latency, throughput, errors, thresholds, false);
    }

    /**
     * Failed when a checker found a violation or a threshold was missed; inconclusive when
     * nothing failed but a checker could not decide; passed only when every checker saw the
     * promise kept and every threshold was met.
     */
    @JsonIgnore
    public Outcome outcome() {
        if (validity == Validity.INVALID || !thresholdsMet(thresholds)) {
            return Outcome.FAILED;
        }
        return validity == Validity.UNKNOWN ? Outcome.INCONCLUSIVE : Outcome.PASSED;
    }

    private static boolean thresholdsMet(List<ThresholdResult> thresholds) {
        return thresholds.stream().allMatch(ThresholdResult::passed);
    }

    /** Completed operations and deliveries per second over the {@code loadSeconds} measured (the load after any warm-up). */
    public record Throughput(double loadSeconds, long ops, long deliveries, double opsPerSecond, double deliveriesPerSecond,
            long peakOnline) {
    }

    /**
     * Failures by code; {@code unexpected} are the failures that are not part of the workload's
     * nature (a wrong password, a race on the board), {@code rate} their share of all completed
     * operations; {@code inDoubt} ended without an answer.
     */
    public record Errors(long failed, long unexpected, long inDoubt, double rate, Map<String, Long> byCode) {
    }

    /** A threshold, the measured value (ms, a count, a share, or per second) and whether it passed. */
    public record ThresholdResult(String text, double actual, boolean passed) {
    }
}
