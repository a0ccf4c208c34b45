package chatlab.report;

import chatlab.metrics.Results;
import chatlab.metrics.Series;
import chatlab.run.SimRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's CPU over the measured part of the load (after the warm-up, to the end of the
 * load), from its own stats file: the cores it used and its CPU per delivery counted in the same
 * window. Logins, the warm-up and the drain are left out, as they are of the throughput, so the
 * two divide fairly; a server restarted by the nemesis counts its CPU from 0 again, and each
 * restart's count is added. And its resident memory, where the file has it ({@code memory}, null
 * otherwise).
 */
record ServerUse(double seconds, double cpuSeconds, double deliveriesPerSecond, Integer carriers, Memory memory) {
    /**
     * The server's resident memory at its first sample, when it had started and no client had
     * come yet, and at its most in the measured window; the most users online at once; and,
     * where the users online rose over at least half that range at the start of the load (a
     * ramp), the slope of its resident memory against them as they rose ({@code slope}, bytes per
     * user online, by least squares; null otherwise). Its memory per connection is that slope, which
     * leaves out what a server spends once however many connect (a Java server's compiled code
     * and the heap it touches as it warms up), or else its growth by the most online.
     */
    record Memory(long startBytes, long peakBytes, long peakOnline, Double slope) {
        Memory(long startBytes, long peakBytes, long peakOnline) {
            this(startBytes, peakBytes, peakOnline, null);
        }

        double bytesPerConnection() {
            return slope != null ? slope : growthPerConnection();
        }

        /** The growth from the start to the most under the load, by the most online: negative if it shrank. */
        double growthPerConnection() {
            return (double) (peakBytes - startBytes) / peakOnline;
        }

        /** Whether there is a figure per connection: a slope, or a growth that is not a shrinking. */
        boolean measured() {
            return slope != null || growthPerConnection() > 0;
        }

        String describe() {
            if (!measured()) {
                return String.format(Locale.ROOT, "resident memory %.1f MiB at start and %.1f MiB at most under the load: "
                        + "none to see per connection (it held less under the load than at its start), with %,d online "
                        + "at most", startBytes / 1048576.0, peakBytes / 1048576.0, peakOnline);
            }
            return String.format(Locale.ROOT, "resident memory %.1f MiB at start and %.1f MiB at most under the load: "
                    + "%.1f KiB per connection (%s), with %,d online at most", startBytes / 1048576.0,
                    peakBytes / 1048576.0, bytesPerConnection() / 1024,
                    slope != null ? "its slope against the users online" : "its growth by the most online", peakOnline);
        }

        /**
         * The slope of {@code rss} against {@code online}, pairs of samples in time order, over the
         * rise: the samples up to the first at 90% of the most online. Null with under five samples
         * before that, with the users online rising over less than half of {@code peakOnline}
         * then, or with a slope that is not positive (churn, not a ramp).
         */
        static Double slope(double[] online, double[] rss, long peakOnline) {
            if (online.length < 5 || peakOnline <= 0) {
                return null;
            }
            double max = java.util.Arrays.stream(online).max().orElse(0);
            int n = 0;
            while (n < online.length && online[n] < 0.9 * max) {
                n++;
            }
            if (n < 5) {
                return null; // a ramp of a second or two has too few samples to read
            }
            n = Math.min(online.length, n + 1); // and the first sample at the top
            double min = Double.MAX_VALUE;
            double top = -Double.MAX_VALUE;
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, online[i]);
                top = Math.max(top, online[i]);
                mx += online[i] / n;
                my += rss[i] / n;
            }
            if (top - min < peakOnline / 2.0) {
                return null;
            }
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxy += (online[i] - mx) * (rss[i] - my);
                sxx += (online[i] - mx) * (online[i] - mx);
            }
            double slope = sxy / sxx;
            return slope > 0 ? slope : null;
        }
    }

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
        return server.flatMap(f -> over(f, s.warmUpSeconds(), s.loadEndSecond(), r.throughput().deliveriesPerSecond(),
                        r.throughput().peakOnline()).map(use -> new ServerUse(use.seconds, use.cpuSeconds,
                                use.deliveriesPerSecond, run.serverCarriers(), withSlope(use.memory, f, s))));
    }

    /** {@code memory} with the slope of the server's resident memory against the users online over the load, where it has one. */
    private static Memory withSlope(Memory memory, ProcessStatsFile server, Series s) {
        if (memory == null || s.online() == null) {
            return memory;
        }
        List<double[]> pairs = new ArrayList<>();
        for (ProcessStatsFile.Sample sample : server.samples()) {
            int second = (int) Math.floor(sample.second());
            double rss = sample.get("rssBytes");
            if (second >= 0 && second < s.online().length && sample.second() <= s.loadEndSecond() && !Double.isNaN(rss)) {
                pairs.add(new double[] {s.online()[second], rss});
            }
        }
        Double slope = Memory.slope(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray(), memory.peakOnline());
        return new Memory(memory.startBytes(), memory.peakBytes(), memory.peakOnline(), slope);
    }

    /** The use in {@code server}'s samples from {@code from} to {@code to} seconds; empty with under two samples there. */
    static Optional<ServerUse> over(ProcessStatsFile server, double from, double to, double deliveriesPerSecond) {
        return over(server, from, to, deliveriesPerSecond, 0);
    }

    /** As above, with the memory per connection where the samples give resident memory and someone was online. */
    static Optional<ServerUse> over(ProcessStatsFile server, double from, double to, double deliveriesPerSecond,
            long peakOnline) {
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
        return Optional.of(new ServerUse(previous.second() - first.second(), cpuNanos / 1e9, deliveriesPerSecond, null,
                memory(server, from, to, peakOnline)));
    }

    /** The memory, or null without resident memory in the samples or anyone online. */
    private static Memory memory(ProcessStatsFile server, double from, double to, long peakOnline) {
        double start = server.samples().stream().mapToDouble(sample -> sample.get("rssBytes")).filter(v -> !Double.isNaN(v))
                .findFirst().orElse(Double.NaN);
        double peak = server.samples().stream().filter(sample -> sample.second() >= from && sample.second() <= to)
                .mapToDouble(sample -> sample.get("rssBytes")).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        if (peakOnline <= 0 || Double.isNaN(start) || Double.isNaN(peak)) {
            return null;
        }
        return new Memory((long) start, (long) peak, peakOnline);
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
        return String.format(Locale.ROOT, "%.2f of a core over the measured %.0f s, %s of its CPU per delivery%s%s",
                cores(), seconds, deliveriesPerSecond <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f µs", microsPerDelivery()),
                carriers == null ? "" : ", on " + threads(carriers), memory == null ? "" : "; " + memory.describe());
    }
}
