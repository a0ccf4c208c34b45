package chatlab.report;

import chatlab.metrics.Results;
import chatlab.metrics.Series;
import chatlab.sim.SimRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's CPU over the measured part of the load (after the warm-up, to the end of the
 * load), from its own stats file: the cores it used and its CPU per delivery counted in the same
 * window. Logins, the warm-up and the drain are left out, as they are of the throughput, so the
 * two divide fairly; a server restarted by the nemesis counts its CPU from 0 again, and each
 * restart's count is added.
 */
record ServerUse(double seconds, double cpuSeconds, double deliveriesPerSecond, Integer carriers) {

    /** The sentence for the run in {@code dir}, from its run.json, series.json, results.json and server stats; empty without them. */
    static Optional<String> describe(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir.resolve(SimRun.SERVER_STATS))) {
            return Optional.empty();
        }
        SimRun run = chatlab.lab.Json.read(dir.resolve(SimRun.FILE), SimRun.class);
        Series series = chatlab.lab.Json.read(dir.resolve(SimRun.SERIES), Series.class);
        Results results = chatlab.lab.Json.read(dir.resolve(SimRun.RESULTS), Results.class);
        return of(dir, run, series, results).map(ServerUse::describe);
    }

    /** The server's use over {@code s}'s measured window; empty without its stats file or with under two samples in it. */
    static Optional<ServerUse> of(Path dir, SimRun run, Series s, Results r) throws IOException {
        Optional<ProcessStatsFile> server = ProcessCharts.files(dir, run).stream()
                .filter(f -> f.process().equals("server")).findFirst();
        return server.flatMap(f -> over(f, s.warmUpSeconds(), s.loadEndSecond(), r.throughput().deliveriesPerSecond()))
                .map(use -> new ServerUse(use.seconds, use.cpuSeconds, use.deliveriesPerSecond, run.serverCarriers()));
    }

    /** The use in {@code server}'s samples from {@code from} to {@code to} seconds; empty with under two samples there. */
    static Optional<ServerUse> over(ProcessStatsFile server, double from, double to, double deliveriesPerSecond) {
        ProcessStatsFile.Sample first = null;
        ProcessStatsFile.Sample previous = null;
        double cpuNanos = 0;
        for (ProcessStatsFile.Sample sample : server.samples()) {
            if (sample.second() < from || sample.second() > to) {
                continue;
            }
            if (previous == null) {
                first = sample;
            } else {
                cpuNanos += sample.cpuNanosSince(previous);
            }
            previous = sample;
        }
        if (first == null || previous.second() <= first.second() || Double.isNaN(cpuNanos)) {
            return Optional.empty();
        }
        // the samples, a second apart, span a little less than the window: a rate divides by a rate
        return Optional.of(new ServerUse(previous.second() - first.second(), cpuNanos / 1e9, deliveriesPerSecond, null));
    }

    /** Cores used on average over the window. */
    double cores() {
        return cpuSeconds / seconds;
    }

    /** Microseconds of the server's CPU per delivery in the window; NaN without deliveries. */
    double microsPerDelivery() {
        return deliveriesPerSecond <= 0 ? Double.NaN : cores() * 1e6 / deliveriesPerSecond;
    }

    /** "1 carrier thread", "4 carrier threads". */
    static String threads(int carriers) {
        return carriers + " carrier thread" + (carriers == 1 ? "" : "s");
    }

    /** One sentence for the summary. */
    String describe() {
        return String.format(Locale.ROOT, "%.2f of a core over the measured %.0f s, %s of its CPU per delivery%s",
                cores(), seconds, deliveriesPerSecond <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f µs", microsPerDelivery()),
                carriers == null ? "" : ", on " + threads(carriers));
    }
}
