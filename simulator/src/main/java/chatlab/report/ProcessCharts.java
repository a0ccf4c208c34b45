package chatlab.report;

import chatlab.metrics.Series;
import chatlab.run.SimRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/** The charts drawn from the processes' own stats files: the server's CPU and heap, and every process's stalls. */
final class ProcessCharts {
    private ProcessCharts() {
    }

    /** Every stats file of {@code run}, its times counted from the start of the load. */
    static List<ProcessStatsFile> files(Path dir, SimRun run) throws IOException {
        return ProcessStatsFile.all(dir, SimRun.SERVER_STATS, (run.originEpochMicros() + run.loadStart()) / 1000);
    }

    /** The server's CPU (a share of one core) and heap, second by second; null without its stats file. */
    static String[] server(Path dir, SimRun run, Series s) throws IOException {
        ProcessStatsFile server = files(dir, run).stream().filter(f -> f.process().equals("server")).findFirst()
                .orElse(null);
        if (server == null) {
            return null;
        }
        List<Double> x = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        // chatlab's server gives its heap; a peer server, seen from outside, its resident memory
        boolean ownStats = server.samples().stream().anyMatch(sample -> !Double.isNaN(sample.get("heapUsed")));
        String memory = ownStats ? "heapUsed" : "rssBytes";
        String memoryName = ownStats ? "heap used (MiB)" : "resident memory (MiB)";
        ProcessStatsFile.Sample previous = null;
        for (ProcessStatsFile.Sample sample : server.samples()) {
            double elapsed = previous == null ? 0 : sample.second() - previous.second();
            if (previous != null && sample.second() >= 0 && sample.second() <= s.seconds() && elapsed > 0) {
                x.add(sample.second());
                cpu.add(100 * sample.cpuNanosSince(previous) / 1e9 / elapsed);
                heap.add(sample.get(memory) / (1024.0 * 1024.0));
            }
            previous = sample;
        }
        if (x.isEmpty()) {
            return null;
        }
        XYChart chart = SimCharts.overTime("Server resources", "CPU (% of one core)", s, false);
        double top = Math.max(100, cpu.stream().mapToDouble(Double::doubleValue).max().orElse(100)) * 1.1;
        SimCharts.shade(chart, s, 0, top);
        SimCharts.line(chart, "CPU %", x, cpu, 0);
        SimCharts.line(chart, memoryName, x, heap, 1).setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, memoryName);
        chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMax(0, top);
        chart.getStyler().setYAxisMin(1, 0.0);
        Charts.save(chart, dir, "server");
        return new String[] {"server", "Server resources", "The server process's CPU use (100% is one core fully "
                + "busy; this machine has " + run.machine().cores() + ") and " + (ownStats ? "its heap in use, from its "
                + "--stats file." : "its resident memory, sampled by the lab from outside the process.")};
    }

    /** Each process's longest stall, second by second, from the hiccup meters; null for stats written without them. */
    static String[] pauses(Path dir, SimRun run, Series s) throws IOException {
        List<ProcessStatsFile> files = files(dir, run).stream()
                .filter(f -> !f.samples().isEmpty() && !Double.isNaN(f.samples().getFirst().get("hiccupMs"))).toList();
        if (files.isEmpty()) {
            return null;
        }
        XYChart chart = SimCharts.overTime("Pauses of the processes themselves", "longest stall in the second (ms, log scale)",
                s, true);
        double top = Math.max(10, files.stream().mapToDouble(f -> Math.max(f.max("hiccupMs"), f.max("vtHiccupMs"))).max()
                .orElse(10));
        SimCharts.shade(chart, s, 0.1, top * 1.5);
        chart.getStyler().setYAxisMin(0.1);
        chart.getStyler().setYAxisMax(top * 1.5);
        int colour = 0;
        for (ProcessStatsFile f : files) {
            for (String field : List.of("hiccupMs", "vtHiccupMs")) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (ProcessStatsFile.Sample sample : f.samples()) {
                    if (sample.second() >= 0 && sample.second() <= s.seconds() && !Double.isNaN(sample.get(field))) {
                        x.add(sample.second());
                        y.add(Math.max(0.1, sample.get(field)));
                    }
                }
                if (!x.isEmpty()) {
                    SimCharts.line(chart, f.process() + (field.equals("hiccupMs") ? "" : ", virtual threads"), x, y,
                            colour++);
                }
            }
        }
        Charts.save(chart, dir, "pauses");
        return new String[] {"pauses", "Pauses", "How long each process stood still, second by second, measured as "
                + "jHiccup does: a thread that sleeps 1 ms and records how late it wakes. A platform thread sees GC, "
                + "safepoints and a frozen process; a virtual thread also sees every carrier thread busy. A latency no "
                + "longer than these may be the load tool's or the server's own stall, not the system's."};
    }
}
