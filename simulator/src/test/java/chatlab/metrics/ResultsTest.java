package chatlab.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.checker.Verdict;
import chatlab.lab.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {
    @TempDir
    Path dir;

    private static Verdict verdict(String name, Validity validity) {
        return new Verdict(name, validity, "s", Map.of(), List.of());
    }

    private static Results results(List<Verdict> verdicts, boolean thresholdMet) {
        return new Results(verdicts, Map.of(), new Results.Throughput(1, 1, 1, 1, 1, 1),
                new Results.Errors(0, 0, 0, 0, Map.of()), List.of(new Results.ThresholdResult("t", 0, thresholdMet)));
    }

    @Test
    void aViolationFailsTheRunWhateverElseIsUnknown() {
        Results r = results(List.of(verdict("delivery", Validity.INVALID), verdict("lockout", Validity.UNKNOWN)), true);
        assertThat(r.validity()).isEqualTo(Validity.INVALID);
        assertThat(r.passed()).isFalse();
        assertThat(r.outcome()).isEqualTo(Results.Outcome.FAILED);
        assertThat(r.outcome().exitCode()).isEqualTo(1);
    }

    @Test
    void anUndecidedCheckerMakesTheRunInconclusiveNotPassed() {
        Results r = results(List.of(verdict("delivery", Validity.VALID), verdict("lockout", Validity.UNKNOWN)), true);
        assertThat(r.passed()).isFalse();
        assertThat(r.outcome()).isEqualTo(Results.Outcome.INCONCLUSIVE);
        assertThat(r.outcome().exitCode()).isEqualTo(3);
        assertThat(results(List.of(verdict("lockout", Validity.UNKNOWN)), false).outcome())
                .isEqualTo(Results.Outcome.FAILED);
    }

    @Test
    void onlyEveryCheckerValidAndEveryThresholdMetPasses() {
        assertThat(results(List.of(verdict("delivery", Validity.VALID)), true).outcome()).isEqualTo(Results.Outcome.PASSED);
        assertThat(results(List.of(verdict("delivery", Validity.VALID)), false).outcome()).isEqualTo(Results.Outcome.FAILED);
    }

    @Test
    void aResultsFileIsJudgedByTheVerdictsItHoldsNotByTheValidityWrittenBesideThem() throws Exception {
        // as an older version wrote it: unknown ranked above invalid, and the run passed
        Path file = dir.resolve("results.json");
        java.nio.file.Files.writeString(file, """
                {"validity": "unknown", "passed": true,
                 "verdicts": [
                   {"checker": "delivery", "validity": "invalid", "summary": "1 lost", "counts": {}, "evidence": []},
                   {"checker": "lockout", "validity": "unknown", "summary": "no attack", "counts": {}, "evidence": []}],
                 "latency": {}, "thresholds": [],
                 "throughput": {"loadSeconds": 1, "ops": 1, "deliveries": 1, "opsPerSecond": 1,
                                "deliveriesPerSecond": 1, "peakOnline": 1},
                 "errors": {"failed": 0, "unexpected": 0, "inDoubt": 0, "rate": 0, "byCode": {}}}
                """);
        Results read = Json.read(file, Results.class);
        assertThat(read.validity()).isEqualTo(Validity.INVALID);
        assertThat(read.passed()).isFalse();
        assertThat(read.outcome()).isEqualTo(Results.Outcome.FAILED);
    }
}
