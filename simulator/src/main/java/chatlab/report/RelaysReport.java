package chatlab.report;

import chatlab.checker.Verdict;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.metrics.Results;
import chatlab.metrics.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The relay sweep's report ({@code ./lab relays}): from each point's run, the share of direct
 * messages that needed relays (their recipient away or silent) and reached their recipients,
 * the share told expired, the delay of those relayed, and the churn the run really had (the
 * share of user-seconds offline during the load, from its series), charted against the number
 * of relays, one line per churn, one chart per loss.
 */
public final class RelaysReport {
    public static final String FILE = "relays.json";

    /** One point: what it set, and its run's folder. */
    public record Point(int relays, String away, double loss, String folder) {
    }

    /** The sweep's {@code relays.json}. */
    public record Sweep(String sweepId, String command, Machine machine, String started, String ended, List<Point> points) {
        public Sweep {
            points = List.copyOf(points);
        }
    }

    /** What a point's run measured. {@code needed}: messages whose recipient was away or silent. */
    record Measured(Point point, String validity, long sent, long needed, long arrived, long expired, long stillHeld,
            double offlineShare, double delayP50s, double delayP90s) {
        double deliveredShare() {
            return needed == 0 ? Double.NaN : (double) arrived / needed;
        }

        double expiredShare() {
            return needed == 0 ? Double.NaN : (double) expired / needed;
        }
    }

    private RelaysReport() {
    }

    static Measured measure(Path dir, Point p) throws IOException {
        Path run = dir.resolve(p.folder());
        Results results = Json.read(run.resolve("results.json"), Results.class);
        Verdict direct = results.verdicts().stream().filter(v -> v.checker().equals("direct")).findFirst()
                .orElseThrow(() -> new IOException(run + " has no verdict of the direct checker: not a run of direct messages"));
        Map<String, Long> c = direct.counts();
        Series series = Json.read(run.resolve("series.json"), Series.class);
        return new Measured(p, direct.validity().wire(), c.getOrDefault("sent", 0L),
                c.getOrDefault("held", 0L) + c.getOrDefault("notHeld", 0L), c.getOrDefault("relayedArrived", 0L),
                c.getOrDefault("expired", 0L), c.getOrDefault("stillHeld", 0L), offlineShare(series, run),
                c.getOrDefault("relayDelayP50Ms", -1000L) / 1000.0, c.getOrDefault("relayDelayP90Ms", -1000L) / 1000.0);
    }

    /** The share of the group's user-seconds spent offline over the load, from the run's users online each second. */
    private static double offlineShare(Series series, Path run) throws IOException {
        chatlab.run.SimRun simRun = Json.read(run.resolve(chatlab.run.SimRun.FILE), chatlab.run.SimRun.class);
        long users = chatlab.run.Analysis.scenario(simRun).groups().stream().filter(g -> g.chats())
                .mapToLong(g -> g.users()).sum();
        int load = (int) Math.min(series.online().length, Math.floor(series.loadEndSecond()));
        double online = 0;
        int counted = 0;
        for (int s = (int) Math.ceil(series.warmUpSeconds()); s < load; s++) {
            online += series.online()[s];
            counted++;
        }
        return users == 0 || counted == 0 ? Double.NaN : 1 - online / counted / users;
    }

    /** Builds {@code index.html}, {@code summary.md} and the charts in {@code dir}; returns the page. */
    public static Path build(Path dir) throws IOException {
        Sweep sweep = Json.read(dir.resolve(FILE), Sweep.class);
        List<Measured> points = new ArrayList<>();
        for (Point p : sweep.points()) {
            points.add(measure(dir, p));
        }
        Map<Double, List<Measured>> byLoss = new LinkedHashMap<>();
        points.forEach(m -> byLoss.computeIfAbsent(m.point().loss(), k -> new ArrayList<>()).add(m));
        List<String[]> charts = new ArrayList<>();
        int chartNumber = 0;
        for (Map.Entry<Double, List<Measured>> e : byLoss.entrySet()) {
            String loss = percent(e.getKey());
            String share = "delivered-" + chartNumber;
            String delay = "delay-" + chartNumber++;
            Charts.save(chart("Messages for users away that reached them, " + loss + " datagram loss",
                    "share delivered through relays", e.getValue(), Measured::deliveredShare, 1.0), dir, share);
            Charts.save(chart("Their delay, send to shown, " + loss + " datagram loss", "seconds (p50 solid, p90 dashed)",
                    e.getValue(), Measured::delayP50s, Double.NaN, Measured::delayP90s), dir, delay);
            charts.add(new String[] {share, "Delivered through relays, " + loss + " loss", "Of the direct messages whose "
                    + "recipient was away (or did not answer), the share that reached them, against the relays each was "
                    + "handed to; one line per churn (the mean time a user stays away, and the share of time users were "
                    + "offline as measured)."});
            charts.add(new String[] {delay, "Their delay, " + loss + " loss", "How long the relayed messages that arrived "
                    + "took, from send to shown: the median (solid) and the 90th percentile (dashed)."});
        }
        Html page = new Html("Relay sweep " + sweep.sweepId());
        page.heading(1, "Relay sweep " + sweep.sweepId());
        page.paragraph("Command: <code>" + Html.escape(sweep.command()) + "</code>");
        page.paragraph("Machine: " + Html.escape(sweep.machine().describe()) + ". Started " + Html.escape(sweep.started())
                + (sweep.ended() == null ? ", not finished" : ", finished " + Html.escape(sweep.ended())) + ".");
        page.paragraph("Each point is a whole run of the scenario: users send each other direct messages, sealed end to end, "
                + "while they leave and come back; a message for a user who is away is handed to the relays, which hold it "
                + "until the user is back or the hold runs out. The direct checker judged every run.");
        page.table(rows(points));
        for (String[] c : charts) {
            page.chart(c[0], c[1], c[2]);
        }
        Files.writeString(dir.resolve("index.html"), page.render());
        Files.writeString(dir.resolve("summary.md"), markdown(sweep, points));
        return dir.resolve("index.html");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    @SafeVarargs
    private static XYChart chart(String title, String yTitle, List<Measured> points,
            java.util.function.ToDoubleFunction<Measured> y, double yMax, java.util.function.ToDoubleFunction<Measured>... dashed) {
        XYChart chart = Charts.xy(title, "relays per message", yTitle);
        chart.setCustomXAxisTickLabelsFormatter(x -> x == Math.rint(x) ? String.valueOf(Math.round(x)) : "");
        if (!Double.isNaN(yMax)) {
            chart.getStyler().setYAxisMax(yMax);
        }
        Map<String, List<Measured>> byAway = new LinkedHashMap<>();
        points.forEach(m -> byAway.computeIfAbsent(m.point().away(), k -> new ArrayList<>()).add(m));
        int colour = 0;
        for (Map.Entry<String, List<Measured>> e : byAway.entrySet()) {
            double offline = e.getValue().stream().mapToDouble(Measured::offlineShare).filter(v -> !Double.isNaN(v))
                    .average().orElse(Double.NaN);
            String name = "away " + e.getKey() + " (" + percent(offline) + " offline)";
            add(chart, name, e.getValue(), y, colour, false);
            for (var d : dashed) {
                add(chart, name + " p90", e.getValue(), d, colour, true);
            }
            colour++;
        }
        return chart;
    }

    private static void add(XYChart chart, String name, List<Measured> points, java.util.function.ToDoubleFunction<Measured> y,
            int colour, boolean dashed) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Measured m : points) {
            double v = y.applyAsDouble(m);
            if (!Double.isNaN(v) && v >= 0) {
                xs.add((double) m.point().relays());
                ys.add(v);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        var series = chart.addSeries(name, xs, ys);
        if (dashed) {
            Charts.model(series, colour);
        } else {
            Charts.measured(series, colour);
        }
    }

    private static List<List<String>> rows(List<Measured> points) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("relays", "away (mean)", "loss", "offline (measured)", "direct messages", "for users away",
                "delivered through relays", "told expired", "still held", "delay p50", "delay p90", "verdict", "run"));
        for (Measured m : points) {
            rows.add(List.of(String.valueOf(m.point().relays()), m.point().away(), percent(m.point().loss()),
                    percent(m.offlineShare()), String.valueOf(m.sent()), String.valueOf(m.needed()),
                    m.needed() == 0 ? "-" : m.arrived() + " (" + percent(m.deliveredShare()) + ")",
                    m.needed() == 0 ? "-" : m.expired() + " (" + percent(m.expiredShare()) + ")", String.valueOf(m.stillHeld()),
                    seconds(m.delayP50s()), seconds(m.delayP90s()), m.validity(), m.point().folder()));
        }
        return rows;
    }

    private static String seconds(double s) {
        return s < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String markdown(Sweep sweep, List<Measured> points) {
        StringBuilder md = new StringBuilder("# Relay sweep " + sweep.sweepId() + "\n\n");
        md.append("Command: `").append(sweep.command()).append("`\n\nMachine: ").append(sweep.machine().describe())
                .append("\n\n");
        List<List<String>> rows = rows(points);
        md.append("| ").append(String.join(" | ", rows.getFirst().subList(0, 12))).append(" |\n|")
                .append("---|".repeat(12)).append('\n');
        rows.stream().skip(1).forEach(r -> md.append("| ").append(String.join(" | ", r.subList(0, 12))).append(" |\n"));
        return md.toString();
    }
}
