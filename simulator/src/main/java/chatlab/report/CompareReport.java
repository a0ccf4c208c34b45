package chatlab.report;

import chatlab.checker.Verdict;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.metrics.LatencySummary;
import chatlab.metrics.Results;
import chatlab.metrics.Series;
import chatlab.run.SimRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The report of {@code ./lab compare}: one scenario, one seed, several servers; from each run's
 * own files, its verdicts (each by its driver's promise), throughput, latencies, the most users
 * online, and the server's CPU per delivery and memory per connection where the lab measured
 * them, side by side, with each latency's distribution drawn for all.
 */
public final class CompareReport {
    public static final String FILE = "compare.json";

    /** One server's run: its name and its folder in the comparison's. */
    public record Run(String server, String folder) {
    }

    /** The comparison's {@code compare.json}. */
    public record Comparison(String compareId, String command, Machine machine, String started, String ended, List<Run> runs) {
        public Comparison {
            runs = List.copyOf(runs);
        }
    }

    /** What one run measured. */
    record Measured(Run run, SimRun simRun, Results results, Series series, Optional<ServerUse> server) {
        String verdicts() {
            return results.verdicts().stream().map(v -> v.checker() + " " + v.validity().wire())
                    .collect(Collectors.joining(", "));
        }

        LatencySummary latency(String metric) {
            return results.latency().getOrDefault(metric, new LatencySummary(0, 0, 0, 0, 0, 0, 0));
        }
    }

    private CompareReport() {
    }

    static Measured measure(Path dir, Run r) throws IOException {
        Path run = dir.resolve(r.folder());
        SimRun simRun = Json.read(run.resolve(SimRun.FILE), SimRun.class);
        Results results = Json.read(run.resolve(SimRun.RESULTS), Results.class);
        Series series = Json.read(run.resolve(SimRun.SERIES), Series.class);
        return new Measured(r, simRun, results, series, ServerUse.of(run, simRun, series, results));
    }

    /** Builds {@code index.html}, {@code summary.md} and the charts in {@code dir}; returns the page. */
    public static Path build(Path dir) throws IOException {
        Comparison comparison = Json.read(dir.resolve(FILE), Comparison.class);
        List<Measured> runs = new ArrayList<>();
        for (Run r : comparison.runs()) {
            runs.add(measure(dir, r));
        }
        List<String[]> charts = new ArrayList<>();
        for (String metric : List.of("send", "deliver", "offline")) {
            Map<String, Histogram> histograms = new LinkedHashMap<>();
            for (Measured m : runs) {
                Histogram h = SimReport.readLog(dir.resolve(m.run().folder()).resolve(SimRun.HISTOGRAMS)
                        .resolve(metric + ".hlog"), m.series().warmUpSeconds());
                if (h.getTotalCount() > 0) {
                    histograms.put(m.run().server(), h);
                }
            }
            if (histograms.isEmpty()) {
                continue;
            }
            Charts.save(SimCharts.distribution(title(metric) + ", by server", histograms), dir, metric + "-by-server");
            charts.add(new String[] {metric + "-by-server", title(metric), "The whole run's " + metric + " latencies by "
                    + "percentile, one line per server, from each run's HdrHistogram log; the tail from p90 on gets as "
                    + "much room as the body."});
        }
        Html page = new Html("Comparison " + comparison.compareId());
        page.heading(1, "Comparison " + comparison.compareId());
        page.paragraph("Command: <code>" + Html.escape(comparison.command()) + "</code>");
        page.paragraph("Machine: " + Html.escape(comparison.machine().describe()) + ". Started "
                + Html.escape(comparison.started()) + (comparison.ended() == null ? ", not finished"
                        : ", finished " + Html.escape(comparison.ended())) + ".");
        page.paragraph("The same scenario and seed against each server, one after another on this machine, each started "
                + "fresh by the lab. Each run is judged by the promise of the protocol it drove; each run's own report is "
                + "in its folder.");
        page.table(rows(runs));
        for (String[] c : charts) {
            page.chart(c[0], c[1], c[2]);
        }
        Files.writeString(dir.resolve("index.html"), page.render());
        Files.writeString(dir.resolve("summary.md"), markdown(comparison, runs));
        return dir.resolve("index.html");
    }

    private static String title(String metric) {
        return switch (metric) {
            case "send" -> "Send, request to acknowledgement";
            case "deliver" -> "Send to delivery, recipients online";
            default -> "Send to delivery, recipients who were away";
        };
    }

    private static List<List<String>> rows(List<Measured> runs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("server", "driver", "its promise", "verdicts", "deliveries/s", "ops/s", "send p50", "send p99",
                "deliver p50", "deliver p99", "deliver max", "away p50", "unexpected errors", "most online",
                "server CPU per delivery", "server memory per connection", "run"));
        for (Measured m : runs) {
            LatencySummary send = m.latency("send");
            LatencySummary deliver = m.latency("deliver");
            LatencySummary offline = m.latency("offline");
            rows.add(List.of(m.run().server(), m.simRun().driver(), m.simRun().promise().describe(), m.verdicts(),
                    number(m.results().throughput().deliveriesPerSecond()), number(m.results().throughput().opsPerSecond()),
                    ms(send.p50()), ms(send.p99()), ms(deliver.p50()), ms(deliver.p99()), ms(deliver.max()),
                    offline.count() == 0 ? "-" : ms(offline.p50()), String.valueOf(m.results().errors().unexpected()),
                    String.format(Locale.ROOT, "%,d", m.results().throughput().peakOnline()),
                    m.server().map(s -> String.format(Locale.ROOT, "%.0f µs", s.microsPerDelivery())).orElse("not measured"),
                    m.server().map(ServerUse::memory).map(CompareReport::perConnection).orElse("not measured"),
                    m.run().folder()));
        }
        return rows;
    }

    /** The slope against the users online, with the growth by the most online beside it; or the growth alone. */
    static String perConnection(ServerUse.Memory memory) {
        double growth = memory.growthPerConnection() / 1024;
        if (!memory.measured()) {
            return "none seen (it shrank)";
        }
        return memory.slope() == null ? String.format(Locale.ROOT, "%.1f KiB", growth)
                : String.format(Locale.ROOT, "%.1f KiB (%s by growth)", memory.slope() / 1024,
                        growth > 0 ? String.format(Locale.ROOT, "%.1f", growth) : "none");
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f ms", v);
    }

    private static String markdown(Comparison comparison, List<Measured> runs) {
        StringBuilder md = new StringBuilder("# Comparison " + comparison.compareId() + "\n\n");
        md.append("Command: `").append(comparison.command()).append("`\n\nMachine: ").append(comparison.machine().describe())
                .append("\n\n");
        List<List<String>> rows = rows(runs);
        int columns = rows.getFirst().size() - 1; // the folder is in the page only
        md.append("| ").append(String.join(" | ", rows.getFirst().subList(0, columns))).append(" |\n|")
                .append("---|".repeat(columns)).append('\n');
        rows.stream().skip(1).forEach(r -> md.append("| ").append(String.join(" | ", r.subList(0, columns))).append(" |\n"));
        for (Measured m : runs) {
            for (Verdict v : m.results().verdicts()) {
                md.append("\n- ").append(m.run().server()).append(", ").append(v.checker()).append(": ").append(v.summary());
            }
        }
        return md.append('\n').toString();
    }
}
