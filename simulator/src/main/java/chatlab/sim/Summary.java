package chatlab.sim;

import chatlab.run.SimRun;

import chatlab.checker.Verdict;
import chatlab.metrics.Results;
import chatlab.report.SimReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The console's account of a run: verdicts, thresholds, latencies, throughput and errors. */
public final class Summary {
    private Summary() {
    }

    public static void print(PrintStream out, SimRun run, Results r, java.util.List<chatlab.report.Pauses> pauses,
            chatlab.metrics.Series series, java.util.Optional<String> serverUse) {
        out.println();
        out.println(r.outcome().name() + ": " + run.scenarioName() + ", seed " + run.seed() + ", "
                + run.events() + " events");
        for (Verdict v : r.verdicts()) {
            out.printf(Locale.ROOT, "  %-9s %-8s %s%n", v.checker(), v.validity().wire(), v.summary());
            v.evidence().stream().limit(5).forEach(e -> out.println("            " + e));
        }
        for (Results.ThresholdResult t : r.thresholds()) {
            out.printf(Locale.ROOT, "  threshold %-30s %10.2f  %s%n", t.text(), t.actual(), t.passed() ? "pass" : "FAIL");
        }
        out.println();
        List<List<String>> rows = SimReport.latencyRows(r);
        for (List<String> row : rows) {
            out.printf(Locale.ROOT, "  %-13s%8s%9s%9s%9s%9s%9s%9s%n", row.toArray());
        }
        out.printf(Locale.ROOT, "%n  %.1f ops/s, %.1f deliveries/s over %.0f s, peak %d online; %d failed (%d unexpected), "
                + "%d in doubt%n", r.throughput().opsPerSecond(), r.throughput().deliveriesPerSecond(),
                r.throughput().loadSeconds(), r.throughput().peakOnline(),
                r.errors().failed(), r.errors().unexpected(), r.errors().inDoubt());
        serverUse.ifPresent(use -> out.println("  server: " + use));
        pauses.forEach(p -> out.println("  " + p.describe()));
        series.faultErrors().forEach(error -> out.println("  the nemesis failed " + error));
        if (series.faultsLate() > 1) {
            out.printf(Locale.ROOT, "  the nemesis's faults took effect up to %.1f s after their scheduled moments "
                    + "(Toxiproxy answered slowly); the report gives each fault's real window%n", series.faultsLate());
        }
    }
}
