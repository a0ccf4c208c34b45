package chatlab.report;

import chatlab.checker.Validity;
import chatlab.lab.Json;
import chatlab.metrics.LatencySummary;
import chatlab.metrics.Results;
import chatlab.run.SimRun;
import chatlab.run.SweepRun;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A sweep's report, from its {@code sweep.json} and each step's {@code results.json} alone:
 * latency against the delivered rate (the curve that bends where the server stops keeping up),
 * the rate at each step, a table, and the highest rate among the steps that met their
 * thresholds.
 */
public final class SweepReport {
    private static final Color MISSED = new Color(176, 0, 32);

    private SweepReport() {
    }

    /** One step: its value, and its results if the run produced them. */
    public record Step(int number, String value, String folder, Optional<Results> results) {
        boolean met() {
            return results.map(Results::passed).orElse(false);
        }
    }

    /**
     * What a sweep found: its steps; what is measured (deliveries, or operations when nothing was
     * delivered); and the best step, the highest rate among those that met their thresholds.
     */
    public record Findings(SweepRun sweep, List<Step> steps) {
        public Findings {
            steps = List.copyOf(steps);
        }

        /** Whether the rate that counts is deliveries (any step delivered a message) rather than operations. */
        public boolean deliveries() {
            return steps.stream().anyMatch(s -> s.results().map(r -> r.throughput().deliveries() > 0).orElse(false));
        }

        public String latencyMetric() {
            return deliveries() ? "deliver" : "request";
        }

        public String rateName() {
            return deliveries() ? "deliveries/s" : "operations/s";
        }

        /** The rate that counts at {@code step}: deliveries or operations per second. */
        public double rate(Step step) {
            boolean deliveries = deliveries();
            return step.results().map(r -> deliveries ? r.throughput().deliveriesPerSecond() : r.throughput().opsPerSecond())
                    .orElse(Double.NaN);
        }

        public Optional<LatencySummary> latency(Step step) {
            return step.results().map(r -> r.latency().get(latencyMetric()));
        }

        public Optional<Step> best() {
            return steps.stream().filter(Step::met).max(java.util.Comparator.comparingDouble(this::rate));
        }

        /** Whether any step's checkers found a violation. */
        public boolean violated() {
            return anyStep(Validity.INVALID);
        }

        /** Whether any step's checkers could not decide. */
        public boolean undecided() {
            return anyStep(Validity.UNKNOWN);
        }

        private boolean anyStep(Validity validity) {
            return steps.stream().anyMatch(s -> s.results().map(r -> r.validity() == validity).orElse(false));
        }

        /** Whether a step left no results: its run failed. */
        public boolean incomplete() {
            return steps.stream().anyMatch(s -> s.results().isEmpty());
        }

        /**
         * 1 when a checker found a violation or a step failed to run; else 3 when a step's checkers
         * could not decide; else 0. A threshold missed past the knee is what a sweep looks for, so
         * it does not fail the sweep.
         */
        public int exitCode() {
            if (violated() || incomplete()) {
                return Results.Outcome.FAILED.exitCode();
            }
            return undecided() ? Results.Outcome.INCONCLUSIVE.exitCode() : Results.Outcome.PASSED.exitCode();
        }
    }

    /** Reads a sweep's folder. */
    public static Findings read(Path dir) throws IOException {
        SweepRun sweep = Json.read(dir.resolve(SweepRun.FILE), SweepRun.class);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < sweep.steps().size(); i++) {
            Path results = dir.resolve(sweep.steps().get(i)).resolve(SimRun.RESULTS);
            steps.add(new Step(i + 1, sweep.values().get(i), sweep.steps().get(i),
                    Files.exists(results) ? Optional.of(Json.read(results, Results.class)) : Optional.empty()));
        }
        return new Findings(sweep, steps);
    }

    /** Writes the charts, {@code index.html} and {@code summary.md} into the sweep's folder. */
    public static Findings build(Path dir) throws IOException {
        Findings f = read(dir);
        List<String[]> charts = List.of(latencyAgainstRate(dir, f), rateByStep(dir, f));
        Files.writeString(dir.resolve("index.html"), html(f, charts));
        Files.writeString(dir.resolve("summary.md"), markdown(f));
        return f;
    }

    /** The table, a header row first. */
    public static List<List<String>> rows(Findings f) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("step", f.sweep().path(), f.rateName(), f.latencyMetric() + " p50 ms", f.latencyMetric() + " p99 ms",
                "checkers", "thresholds"));
        for (Step s : f.steps()) {
            if (s.results().isEmpty()) {
                rows.add(List.of(String.valueOf(s.number()), s.value(), "-", "-", "-", "no result", "-"));
                continue;
            }
            Results r = s.results().get();
            LatencySummary l = f.latency(s).orElseThrow();
            boolean thresholds = r.thresholds().stream().allMatch(Results.ThresholdResult::passed);
            rows.add(List.of(String.valueOf(s.number()), s.value(), String.format(Locale.ROOT, "%.1f", f.rate(s)),
                    String.format(Locale.ROOT, "%.2f", l.p50()), String.format(Locale.ROOT, "%.2f", l.p99()),
                    r.validity().wire(), r.thresholds().isEmpty() ? "none" : thresholds ? "met" : "missed"));
        }
        return rows;
    }

    /** The sentence that answers the sweep's question. */
    public static String finding(Findings f) {
        if (f.best().isEmpty()) {
            return "No step met its thresholds and checkers.";
        }
        Step b = f.best().get();
        LatencySummary l = f.latency(b).orElseThrow();
        return String.format(Locale.ROOT, "Highest rate that met the thresholds: %.1f %s at %s=%s (step %d), %s p99 %.2f ms.",
                f.rate(b), f.rateName(), f.sweep().path(), b.value(), b.number(), f.latencyMetric(), l.p99());
    }

    /** The console's table and finding. */
    public static void print(PrintStream out, Findings f, Path dir) {
        out.println();
        out.println("Sweep of " + f.sweep().path() + " over " + f.steps().size() + " steps of " + f.sweep().scenarioName() + ":");
        for (List<String> row : rows(f)) {
            out.printf(Locale.ROOT, "  %-5s %-18s %13s %14s %14s %-9s %s%n", row.toArray());
        }
        out.println();
        out.println(finding(f));
        out.println("Report: " + dir.resolve("index.html").toAbsolutePath().normalize());
    }

    private static String[] latencyAgainstRate(Path dir, Findings f) throws IOException {
        XYChart chart = Charts.xy("Latency against rate", f.rateName(), f.latencyMetric() + " latency, ms");
        List<Step> measured = f.steps().stream().filter(s -> s.results().isPresent()).toList();
        double[] x = measured.stream().mapToDouble(f::rate).toArray();
        double[] p50 = measured.stream().mapToDouble(s -> f.latency(s).orElseThrow().p50()).toArray();
        double[] p99 = measured.stream().mapToDouble(s -> f.latency(s).orElseThrow().p99()).toArray();
        if (x.length > 0) {
            Charts.measured(chart.addSeries("p50", x, p50), 0);
            Charts.measured(chart.addSeries("p99", x, p99), 1);
            List<Step> missed = measured.stream().filter(s -> !s.met()).toList();
            if (!missed.isEmpty()) {
                XYSeries m = chart.addSeries("missed a threshold", missed.stream().mapToDouble(f::rate).toArray(),
                        missed.stream().mapToDouble(s -> f.latency(s).orElseThrow().p99()).toArray());
                m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                m.setMarker(SeriesMarkers.CROSS);
                m.setMarkerColor(MISSED);
            }
            double top = java.util.Arrays.stream(p99).max().orElse(1);
            for (int i = 0; i < measured.size(); i++) { // each p99 point labelled with its value, just above it
                chart.addAnnotation(new AnnotationText(measured.get(i).value(), x[i], p99[i] + top * 0.05, false));
            }
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setYAxisMax(top * 1.15);
        }
        Charts.save(chart, dir, "sweep-latency");
        return new String[] {"sweep-latency", "Latency against rate", "Each step's " + f.latencyMetric() + " p50 and p99 "
                + "against the rate it sustained after its warm-up, labelled with " + f.sweep().path() + ". Where the "
                + "curve turns upwards, more offered load brings latency, not throughput. Crosses mark steps that missed "
                + "a threshold."};
    }

    private static String[] rateByStep(Path dir, Findings f) throws IOException {
        CategoryChart chart = Charts.category("Rate by step", f.sweep().path(), f.rateName());
        chart.getStyler().setSeriesColors(new Color[] {Charts.PALETTE[2], MISSED});
        chart.getStyler().setStacked(true);
        List<String> labels = f.steps().stream().map(Step::value).toList();
        List<Double> met = f.steps().stream().map(s -> s.met() ? f.rate(s) : 0.0).toList();
        List<Double> missed = f.steps().stream().map(s -> !s.met() && s.results().isPresent() ? f.rate(s) : 0.0).toList();
        chart.addSeries("met its thresholds", labels, met);
        if (missed.stream().anyMatch(v -> v > 0)) {
            chart.addSeries("missed a threshold", labels, missed);
        }
        Charts.save(chart, dir, "sweep-rate");
        return new String[] {"sweep-rate", "Rate by step", "The " + f.rateName() + " each step sustained after its "
                + "warm-up, in the order the steps ran."};
    }

    private static String html(Findings f, List<String[]> charts) {
        SweepRun s = f.sweep();
        Html page = new Html("Sweep " + s.scenarioName() + " " + s.sweepId());
        page.heading(1, "Sweep: " + s.scenarioName() + ", " + s.path());
        String verdict = f.violated() ? "<span class=\"missed\">A CHECKER FOUND A VIOLATION</span>"
                : f.incomplete() ? "<span class=\"missed\">A STEP FAILED TO RUN</span>"
                : f.undecided() ? "<span class=\"missed\">A CHECKER COULD NOT DECIDE</span>" : "<span class=\"ok\">CHECKED</span>";
        page.raw("<p>" + verdict + " &middot; " + Html.escape(s.command()) + "</p>");
        page.paragraph(finding(f));
        page.table(List.of(List.of("sweep", s.sweepId()), List.of("scenario", s.scenarioName()),
                List.of("field", s.path()), List.of("values", String.join(", ", s.values())),
                List.of("machine", s.machine().describe()), List.of("started", s.started()), List.of("ended", s.ended())));
        page.heading(2, "Steps");
        page.table(rows(f));
        StringBuilder links = new StringBuilder("<p>Each step's own report: ");
        for (Step step : f.steps()) {
            links.append("<a href=\"").append(step.folder()).append("/index.html\">").append(Html.escape(step.value()))
                    .append("</a> ");
        }
        page.raw(links.append("</p>").toString());
        page.heading(2, "Charts");
        for (String[] c : charts) {
            page.chart(c[0], c[1], c[2]);
        }
        return page.render();
    }

    private static String markdown(Findings f) {
        SweepRun s = f.sweep();
        StringBuilder md = new StringBuilder();
        md.append("# Sweep ").append(s.scenarioName()).append(' ').append(s.sweepId()).append("\n\n");
        md.append("Command: `").append(s.command()).append("`\n\n");
        md.append("Machine: ").append(s.machine().describe()).append("\n\n");
        List<List<String>> rows = rows(f);
        md.append("| ").append(String.join(" | ", rows.getFirst())).append(" |\n|");
        md.append("---|".repeat(rows.getFirst().size())).append('\n');
        rows.stream().skip(1).forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        md.append('\n').append(finding(f)).append('\n');
        return md.toString();
    }
}
