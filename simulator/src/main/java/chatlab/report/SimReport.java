package chatlab.report;

import chatlab.checker.Verdict;
import chatlab.lab.Json;
import chatlab.net.toxic.Toxic;
import chatlab.run.Analysis;
import chatlab.workload.GroupSpec;
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
import java.util.Optional;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.knowm.xchart.XYChart;

/**
 * Builds a simulation's report from the files its run wrote (run.json, results.json,
 * series.json, the histogram logs and the server's stats): the charts, {@code index.html} and
 * {@code summary.md}.
 */
public final class SimReport {
    private SimReport() {
    }

    public static void build(Path dir) throws IOException {
        SimRun run = Json.read(dir.resolve(SimRun.FILE), SimRun.class);
        Results results = Json.read(dir.resolve(SimRun.RESULTS), Results.class);
        Series series = Json.read(dir.resolve(SimRun.SERIES), Series.class);
        List<String[]> charts = new ArrayList<>();
        charts.add(deliveryLatency(dir, series));
        charts.add(requestLatency(dir, series));
        charts.add(throughput(dir, series));
        charts.add(users(dir, series));
        charts.add(distribution(dir, series));
        String[] server = ProcessCharts.server(dir, run, series);
        if (server != null) {
            charts.add(server);
        }
        String[] pauseChart = ProcessCharts.pauses(dir, run, series);
        if (pauseChart != null) {
            charts.add(pauseChart);
        }
        List<Pauses> pauses = Pauses.of(dir);
        Optional<ServerUse> serverUse = ServerUse.of(dir, run, series, results);
        Files.writeString(dir.resolve("index.html"), html(run, results, series, charts, pauses, serverUse));
        Files.writeString(dir.resolve("summary.md"), markdown(run, results, series, pauses, serverUse));
    }

    private static String[] deliveryLatency(Path dir, Series s) throws IOException {
        XYChart chart = SimCharts.overTime("Send to delivery latency", "ms (log scale)", s, true);
        double[] p50 = s.p50().get("deliver");
        double[] p99 = s.p99().get("deliver");
        double[] max = s.max().get("deliver");
        double[] offline = s.p99().get("offline");
        double bottom = SimCharts.logFloor(p50, offline);
        SimCharts.shade(chart, s, bottom, SimCharts.max(1, max, offline) * 1.5);
        SimCharts.line(chart, "p50, recipient online", p50, 0, false);
        SimCharts.line(chart, "p99, recipient online", p99, 1, false);
        SimCharts.line(chart, "max, recipient online", max, 6, true);
        SimCharts.line(chart, "p99, recipient offline", offline, 3, true);
        chart.getStyler().setYAxisMin(bottom);
        Charts.save(chart, dir, "latency-deliver");
        return new String[] {"latency-deliver", "Send to delivery latency", "By the second a message was sent: p50, "
                + "p99 and maximum time from the send's request to the message's arrival, for recipients online at the "
                + "time; and p99 for recipients who were offline, who get it when they next log in. Faults shaded."};
    }

    private static String[] requestLatency(Path dir, Series s) throws IOException {
        XYChart chart = SimCharts.overTime("Request latency", "ms (log scale)", s, true);
        double bottom = SimCharts.logFloor(s.p50().get("request"));
        SimCharts.shade(chart, s, bottom, SimCharts.max(1, s.max().get("request")) * 1.5);
        SimCharts.line(chart, "every request p50", s.p50().get("request"), 0, false);
        SimCharts.line(chart, "every request p99", s.p99().get("request"), 1, false);
        SimCharts.line(chart, "send p99", s.p99().get("send"), 2, true);
        SimCharts.line(chart, "login p99", s.p99().get("login"), 3, true);
        SimCharts.line(chart, "board p99", s.p99().get("board"), 4, true);
        chart.getStyler().setYAxisMin(bottom);
        Charts.save(chart, dir, "latency-requests");
        return new String[] {"latency-requests", "Request latency", "By the second a request began: p50 and p99 of "
                + "every request, and p99 of sends, logins (from when an open session was due) and board operations."};
    }

    private static String[] throughput(Path dir, Series s) throws IOException {
        XYChart chart = SimCharts.overTime("Throughput", "per second", s, false);
        double top = SimCharts.max(s.ok(), s.deliveries(), s.failed(), s.inDoubt());
        SimCharts.shade(chart, s, 0, top * 1.1);
        SimCharts.line(chart, "operations ok", s.ok(), 0);
        SimCharts.line(chart, "deliveries", s.deliveries(), 2);
        SimCharts.line(chart, "failed", s.failed(), 1);
        SimCharts.line(chart, "in doubt", s.inDoubt(), 3);
        chart.getStyler().setYAxisMax(top * 1.1);
        Charts.save(chart, dir, "throughput");
        return new String[] {"throughput", "Throughput", "Operations completed each second by outcome, and messages "
                + "delivered; in doubt means no answer came (a timeout or a lost connection)."};
    }

    private static String[] users(Path dir, Series s) throws IOException {
        XYChart chart = SimCharts.overTime("Users online", "users", s, false);
        double top = SimCharts.max(s.online());
        SimCharts.shade(chart, s, 0, top * 1.1);
        SimCharts.line(chart, "logged in", s.online(), 0);
        chart.getStyler().setYAxisMax(top * 1.1);
        Charts.save(chart, dir, "users");
        return new String[] {"users", "Users online", "Accounts logged in, second by second: ramp-up, sessions coming "
                + "and going, the users a fault cut off, and the drain at the end, when every account logs in."};
    }

    private static String[] distribution(Path dir, Series s) throws IOException {
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        for (String metric : List.of("login", "send", "board", "deliver", "offline")) {
            histograms.put(metric, readLog(dir.resolve(SimRun.HISTOGRAMS).resolve(metric + ".hlog"), s.warmUpSeconds()));
        }
        Charts.save(SimCharts.distribution("Latency distribution", histograms), dir, "latency-distribution");
        return new String[] {"latency-distribution", "Latency distribution", "The whole run's latencies by "
                + "percentile" + (s.warmUpSeconds() > 0 ? " after the warm-up" : "") + ", read from the HdrHistogram "
                + "logs; the tail from p90 on gets as much room as the body."};
    }

    /**
     * An interval log added up from {@code fromSecond} on (seconds since the load began, as the
     * intervals are stamped).
     */
    static Histogram readLog(Path file, double fromSecond) throws IOException {
        Histogram total = new Histogram(3);
        if (!Files.exists(file)) {
            return total;
        }
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            while (reader.hasNext()) {
                var interval = reader.nextIntervalHistogram();
                if (interval instanceof Histogram h
                        && h.getStartTimeStamp() / 1000.0 - reader.getStartTimeSec() >= fromSecond - 1e-6) {
                    total.add(h);
                }
            }
        }
        return total;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String ms(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The latency table: a header row, then one row per latency, in milliseconds. */
    public static List<List<String>> latencyRows(Results r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("latency (ms)", "count", "p50", "p90", "p99", "p99.9", "max", "mean"));
        for (Map.Entry<String, LatencySummary> e : r.latency().entrySet()) {
            LatencySummary l = e.getValue();
            rows.add(List.of(e.getKey(), String.valueOf(l.count()), ms(l.p50()), ms(l.p90()), ms(l.p99()), ms(l.p999()),
                    ms(l.max()), ms(l.mean())));
        }
        return rows;
    }

    private static String html(SimRun run, Results r, Series s, List<String[]> charts, List<Pauses> pauses,
            Optional<ServerUse> server) {
        Html page = new Html("Simulation " + run.scenarioName() + " " + run.runId());
        page.heading(1, "Simulation: " + run.scenarioName());
        String verdict = "<span class=\"" + (r.passed() ? "ok" : "missed") + "\">" + r.outcome().name() + "</span>";
        page.raw("<p>" + verdict + " &middot; checkers: <b>" + Html.escape(r.validity().wire()) + "</b> &middot; "
                + Html.escape(run.command()) + "</p>");
        page.table(List.of(
                List.of("run", run.runId()),
                List.of("scenario", run.scenarioName() + " (" + run.scenarioFile() + ")"),
                List.of("seed", String.valueOf(run.seed())),
                List.of("tag and shard", run.tag() + ", " + run.shard()),
                List.of("server", run.target() + (run.embeddedServer() ? " (started by the lab)" : "")),
                List.of("Toxiproxy", run.toxiproxy() == null ? "none (no faults)" : run.toxiproxy()),
                List.of("load", load(run, s)),
                List.of("events", String.valueOf(run.events())),
                List.of("machine", run.machine().describe()),
                List.of("version", run.version()),
                List.of("started", run.started())));
        page.heading(2, "Checkers");
        List<List<String>> verdicts = new ArrayList<>();
        verdicts.add(List.of("checker", "verdict", "finding"));
        for (Verdict v : r.verdicts()) {
            verdicts.add(List.of(v.checker(), v.validity().wire(), v.summary()));
        }
        page.table(verdicts);
        for (Verdict v : r.verdicts()) {
            if (!v.evidence().isEmpty()) {
                page.paragraph("Evidence from " + v.checker() + ":").list(v.evidence());
            }
        }
        if (!r.thresholds().isEmpty()) {
            page.heading(2, "Thresholds");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("threshold", "measured", "result"));
            r.thresholds().forEach(t -> rows.add(List.of(t.text(), ms(t.actual()), t.passed() ? "pass" : "FAIL")));
            page.table(rows);
        }
        page.heading(2, "Latency");
        page.table(latencyRows(r));
        page.heading(2, "Throughput and errors");
        page.table(List.of(List.of("measure", "value"),
                List.of("operations ok", r.throughput().ops() + String.format(Locale.ROOT, " (%.1f/s)", r.throughput().opsPerSecond())),
                List.of("deliveries", r.throughput().deliveries() + String.format(Locale.ROOT, " (%.1f/s)",
                        r.throughput().deliveriesPerSecond())),
                List.of("peak users online", String.valueOf(r.throughput().peakOnline())),
                List.of("failed (expected and not)", String.valueOf(r.errors().failed())),
                List.of("unexpected failures", String.valueOf(r.errors().unexpected())),
                List.of("in doubt (no answer)", String.valueOf(r.errors().inDoubt())),
                List.of("by code", r.errors().byCode().toString())));
        if (!run.simulators().isEmpty()) {
            page.heading(2, "Simulator processes");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("shard", "users simulated", "online at the end", "heap growth", "direct buffers",
                    "memory per simulated user", "CPU over the load", "CPU per operation"));
            for (var sim : run.simulators()) {
                double loadSeconds = Math.max(1e-6, (run.loadEnd() - run.loadStart()) / 1e6);
                rows.add(List.of(sim.shard(), String.valueOf(sim.users()), String.valueOf(sim.online()),
                        mib(sim.heapLoaded() - sim.heapBefore()),
                        mib(sim.directLoaded()), perUser(sim),
                        String.format(Locale.ROOT, "%.0f%% of one core", 100 * sim.cpuNanos() / 1e9 / loadSeconds),
                        cpuPerOperation(sim)));
            }
            page.table(rows);
        }
        server.ifPresent(use -> page.heading(2, "Server process").paragraph("The server's own CPU over the measured "
                + "load (the warm-up and the drain left out, as they are of the throughput), from its --stats file: "
                + use.describe() + "."));
        if (!pauses.isEmpty()) {
            page.heading(2, "Pauses of the processes themselves");
            page.paragraph("The longest stall of each process, measured by a thread that sleeps 1 ms and records how late "
                    + "it wakes (as jHiccup does). A latency no longer than these may be a stall of the load tool or of "
                    + "the server, not the system's latency.");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("process", "longest stall", "longest stall of a virtual thread",
                    "longest apart from the nemesis's pauses and restarts"));
            pauses.forEach(p -> rows.add(List.of(p.process(), ms(p.maxMs()), ms(p.virtualMaxMs()), ms(p.ownMaxMs()))));
            page.table(rows);
        }
        List<List<String>> faults = faultRows(run, s);
        if (faults.size() > 1) {
            page.heading(2, "Faults");
            page.paragraph("Every fault in force: the standing toxics of each group's link, for the whole run and its "
                    + "drain, then each fault the nemesis played, from the history.");
            page.table(faults);
        }
        if (!s.faultErrors().isEmpty()) {
            page.paragraph("Faults the nemesis could not start or end, with the reason (what did happen is still "
                    + "judged; whatever they left in force was healed at the end of the load):").list(s.faultErrors());
        }
        page.heading(2, "Charts");
        for (String[] c : charts) {
            page.chart(c[0], c[1], c[2]);
        }
        page.heading(2, "Files");
        page.list(List.of("run.json: the scenario's text, seed, machine and times",
                "history.jsonl.gz: every operation and event, one JSON object a line",
                "histograms/*.hlog: HdrHistogram interval logs, one a latency",
                "series.json, results.json: the measurements and the verdicts",
                "server-stats.jsonl: the server's own CPU, heap, stalls and connections (when the lab started it)",
                "simulator-stats*.jsonl: each simulator process's own CPU, heap and stalls"));
        return page.render();
    }

    /** How long the load and the drain lasted, and the warm-up left out of the figures. */
    private static String load(SimRun run, Series s) {
        return String.format(Locale.ROOT, "%.1f s%s, then a drain of %.1f s", (run.loadEnd() - run.loadStart()) / 1e6,
                s.warmUpSeconds() > 0 ? String.format(Locale.ROOT, " (the first %.1f s a warm-up, left out of the "
                        + "latency and throughput figures)", s.warmUpSeconds()) : "", (run.end() - run.loadEnd()) / 1e6);
    }

    private static String markdown(SimRun run, Results r, Series s, List<Pauses> pauses, Optional<ServerUse> server) {
        StringBuilder md = new StringBuilder();
        md.append("# Simulation ").append(run.scenarioName()).append(' ').append(run.runId()).append("\n\n");
        md.append("Command: `").append(run.command()).append("`\n\n");
        md.append("Machine: ").append(run.machine().describe()).append("\n\n");
        md.append("Load: ").append(load(run, s)).append("\n\n");
        md.append("Result: **").append(r.outcome().word()).append("**; checkers ")
                .append(r.validity().wire()).append("\n\n");
        for (Verdict v : r.verdicts()) {
            md.append("- ").append(v.checker()).append(": **").append(v.validity().wire()).append("**, ")
                    .append(v.summary()).append('\n');
        }
        md.append('\n');
        for (Results.ThresholdResult t : r.thresholds()) {
            md.append("- threshold `").append(t.text()).append("`: ").append(ms(t.actual())).append(' ')
                    .append(t.passed() ? "pass" : "**fail**").append('\n');
        }
        md.append("\n| ");
        List<List<String>> rows = latencyRows(r);
        md.append(String.join(" | ", rows.getFirst())).append(" |\n|");
        md.append("---|".repeat(rows.getFirst().size())).append('\n');
        rows.stream().skip(1).forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        md.append(String.format(Locale.ROOT, "%nThroughput: %.1f operations/s, %.1f deliveries/s; peak %d users online. "
                + "Failures: %d (%d unexpected); %d in doubt.%n", r.throughput().opsPerSecond(),
                r.throughput().deliveriesPerSecond(), r.throughput().peakOnline(), r.errors().failed(),
                r.errors().unexpected(), r.errors().inDoubt()));
        for (var sim : run.simulators()) {
            md.append(String.format(Locale.ROOT, "%nSimulator %s: %d users simulated, %d online at the end of the load, "
                    + "%s, %s of CPU per operation%s.%n",
                    sim.shard(), sim.users(), sim.online(), sim.bytesPerUser() > 0 ? perUser(sim)
                            + " of memory per simulated user (heap growth and direct buffers)"
                            : "no memory to see per simulated user (its heap was smaller after the load than before)",
                    cpuPerOperation(sim),
                    sim.carriers() > 0 ? ", on " + ServerUse.threads(sim.carriers()) : ""));
        }
        server.ifPresent(use -> md.append("\nServer: ").append(use.describe()).append(".\n"));
        if (!pauses.isEmpty()) {
            md.append("\nPauses: ").append(String.join("; ", pauses.stream().map(Pauses::describe).toList())).append(".\n");
        }
        List<List<String>> faults = faultRows(run, s);
        s.faultErrors().forEach(error -> md.append("\nThe nemesis failed ").append(error).append('\n'));
        if (s.faultsLate() > 1) {
            md.append(String.format(Locale.ROOT, "%nThe nemesis's faults took effect up to %.1f s after their scheduled "
                    + "moments (Toxiproxy answered slowly); the table gives each fault's real window.%n", s.faultsLate()));
        }
        if (faults.size() > 1) {
            md.append("\n| ").append(String.join(" | ", faults.getFirst())).append(" |\n|")
                    .append("---|".repeat(faults.getFirst().size())).append('\n');
            faults.stream().skip(1).forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        }
        return md.toString();
    }

    /**
     * Every fault in force, a header row first: each group's standing toxics (from the scenario
     * the run recorded), then each window the nemesis played (from the history's fault events).
     */
    /**
     * The server's CPU over the run's measured load, in a sentence ("0.95 of a core over the
     * measured 39 s, 306 µs of its CPU per delivery"); empty when the lab did not start the server.
     */
    public static Optional<String> serverUse(Path dir) throws IOException {
        return ServerUse.describe(dir);
    }

    /**
     * The simulator's memory per user; none to see when its heap was smaller after the load than
     * before it (a collection in between gave back more than the users took).
     */
    static String perUser(chatlab.run.SimulatorResources sim) {
        return sim.bytesPerUser() > 0 ? String.format(Locale.ROOT, "%.1f KiB", sim.bytesPerUser() / 1024.0)
                : "none to see";
    }

    /** The simulator's CPU per operation over the load, or "n/a" for a run recorded before it was counted. */
    static String cpuPerOperation(chatlab.run.SimulatorResources sim) {
        return sim.cpuMicrosPerOperation() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f µs", sim.cpuMicrosPerOperation());
    }

    static List<List<String>> faultRows(SimRun run, Series s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("fault", "kind", "from", "to", "late"));
        for (GroupSpec g : Analysis.scenario(run).groups()) {
            for (Toxic t : g.toxics()) {
                rows.add(List.of(t.describe() + " on " + g.name(), "standing " + t.kind(), "the start",
                        "the end of the drain", ""));
            }
        }
        for (Series.FaultSpan f : s.faults()) {
            rows.add(List.of(f.description(), f.kind(), String.format(Locale.ROOT, "%.1f s", f.start()),
                    String.format(Locale.ROOT, "%.1f s", f.end()), String.format(Locale.ROOT, "%.1f s", f.lateSeconds())));
        }
        return rows;
    }
}
