package chatlab.gbn;

import chatlab.p2p.arq.Strategy;
import chatlab.report.Charts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The sweep's charts: goodput against window and loss, the models over the points, strategies side by side. */
final class GbnCharts {
    /** One chart, as the report lists it. */
    record Chart(String file, String title, String caption) {
    }

    private GbnCharts() {
    }

    static List<Chart> write(GbnRun run, List<PointStats> stats, Path dir) throws IOException {
        List<Chart> charts = new ArrayList<>();
        SweepConfig c = run.config();
        for (double delay : c.delaysMs()) {
            String d = SweepPoint.trim(delay);
            charts.add(byWindow(stats, c, delay, dir, "goodput-vs-window-d" + d + "ms"));
            charts.add(byLoss(stats, c, delay, dir, "goodput-vs-loss-d" + d + "ms"));
            charts.add(modelFit(stats, c, delay, dir, "model-fit-d" + d + "ms"));
            charts.add(strategies(stats, c, delay, dir, "strategies-d" + d + "ms"));
        }
        if (!c.cleanWindows().isEmpty()) {
            charts.add(clean(run, stats, dir, "clean-loopback"));
        }
        return charts;
    }

    /** The wanted points with results, in order of window then loss, so that lines run left to right. */
    private static List<PointStats> select(List<PointStats> stats, Predicate<SweepPoint> wanted) {
        return stats.stream().filter(s -> wanted.test(s.point()) && s.n() > 0)
                .sorted(java.util.Comparator.comparingInt((PointStats s) -> s.point().window())
                        .thenComparingDouble(s -> s.point().loss()))
                .toList();
    }

    /** Go-Back-N (with Stop-and-Wait as N = 1) at one delay and loss, by window. */
    private static List<PointStats> goBackNCurve(List<PointStats> stats, double delay, double loss) {
        return select(stats, p -> p.goBackN() && p.delayMs() == delay && p.loss() == loss && !p.clean());
    }

    private static XYSeries series(XYChart chart, String name, List<PointStats> points, boolean byWindow) {
        double[] x = points.stream().mapToDouble(s -> byWindow ? s.point().window() : s.point().loss() * 100).toArray();
        double[] y = points.stream().mapToDouble(s -> s.meanBps() / 1e6).toArray();
        double[] err = points.stream().mapToDouble(s -> s.ciBps() / 1e6).toArray();
        return chart.addSeries(name, x, y, err);
    }

    private static Chart byWindow(List<PointStats> stats, SweepConfig c, double delay, Path dir, String name)
            throws IOException {
        String title = "Go-Back-N goodput against window, one-way delay " + SweepPoint.trim(delay) + " ms";
        XYChart chart = Charts.xy(title, "window N (segments, log scale)", "goodput (Mbit/s)");
        chart.getStyler().setXAxisLogarithmic(true);
        int colour = 0;
        for (double loss : c.losses()) {
            List<PointStats> points = goBackNCurve(stats, delay, loss);
            if (!points.isEmpty()) {
                Charts.measured(series(chart, "loss " + pct(loss), points, true), colour++);
            }
        }
        Charts.save(chart, dir, name);
        return new Chart(name, title, "Steady-state goodput, one curve per loss rate; N = 1 is Stop-and-Wait. Error bars "
                + "are 95% confidence intervals over " + c.minRepeats() + " to " + c.maxRepeats() + " seeds. The link runs at "
                + mbit(c.rateBitsPerSecond()) + ".");
    }

    private static Chart byLoss(List<PointStats> stats, SweepConfig c, double delay, Path dir, String name)
            throws IOException {
        String title = "Go-Back-N goodput against loss, one-way delay " + SweepPoint.trim(delay) + " ms";
        XYChart chart = Charts.xy(title, "loss rate (%)", "goodput (Mbit/s)");
        int colour = 0;
        java.util.SortedSet<Integer> windows = new java.util.TreeSet<>(c.windows());
        if (c.strategies().contains(Strategy.STOP_AND_WAIT)) {
            windows.add(1);
        }
        for (int window : windows) {
            List<PointStats> points = select(stats, p -> p.goBackN() && p.delayMs() == delay
                    && p.window() == window && !p.clean());
            if (!points.isEmpty()) {
                Charts.measured(series(chart, window == 1 ? "N = 1 (Stop-and-Wait)" : "N = " + window, points, false),
                        colour++);
            }
        }
        Charts.save(chart, dir, name);
        return new Chart(name, title, "One curve per window (N = 1 is Stop-and-Wait); error bars are 95% "
                + "confidence intervals.");
    }

    private static Chart modelFit(List<PointStats> stats, SweepConfig c, double delay, Path dir, String name)
            throws IOException {
        String title = "Measured Go-Back-N against the models, one-way delay " + SweepPoint.trim(delay) + " ms";
        XYChart chart = Charts.xy(title, "window N (segments, log scale)", "goodput (Mbit/s)");
        chart.getStyler().setXAxisLogarithmic(true);
        int colour = 0;
        for (double loss : c.losses()) {
            List<PointStats> points = goBackNCurve(stats, delay, loss);
            if (points.isEmpty()) {
                continue;
            }
            Charts.measured(series(chart, "measured, loss " + pct(loss), points, true), colour);
            double[] x = points.stream().mapToDouble(s -> s.point().window()).toArray();
            Charts.model(chart.addSeries("closed form, loss " + pct(loss), x,
                    points.stream().mapToDouble(s -> s.model().goodputBps() / 1e6).toArray()), colour);
            Charts.computed(chart.addSeries("twin, loss " + pct(loss), x,
                    points.stream().mapToDouble(s -> s.twinBps() / 1e6).toArray()), colour);
            XYSeries stallings = chart.addSeries("Stallings, loss " + pct(loss), x,
                    points.stream().mapToDouble(s -> s.stallingsBps() / 1e6).toArray());
            Charts.model(stallings, colour);
            stallings.setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT,
                    java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
            colour++;
        }
        Charts.save(chart, dir, name);
        return new Chart(name, title, "Points: measured steady means with 95% confidence intervals. Dashed: the "
                + "closed form for our sender and timer, from the configuration alone. Diamonds: the twin, the senders' own "
                + "state machines on the ideal link. Dotted: Stallings' form, which "
                + "assumes a loss is known one round trip after the frame was sent. See docs/GBN-MODEL.md.");
    }

    private static Chart strategies(List<PointStats> stats, SweepConfig c, double delay, Path dir, String name)
            throws IOException {
        int widest = c.windows().stream().mapToInt(Integer::intValue).max().orElse(1);
        String title = "Strategies side by side, one-way delay " + SweepPoint.trim(delay) + " ms";
        XYChart chart = Charts.xy(title, "loss rate (%)", "goodput (Mbit/s)");
        int colour = 0;
        for (Strategy strategy : c.strategies()) {
            int window = strategy == Strategy.STOP_AND_WAIT ? 1 : widest;
            List<PointStats> points = select(stats, p -> p.strategy() == strategy && p.window() == window
                    && p.delayMs() == delay && !p.clean());
            if (!points.isEmpty()) {
                String label = switch (strategy) {
                    case GO_BACK_N -> "Go-Back-N, N = " + window;
                    case SELECTIVE_REPEAT -> "Selective Repeat, N = " + window;
                    case STOP_AND_WAIT -> "Stop-and-Wait";
                };
                Charts.measured(series(chart, label, points, false), colour++);
            }
        }
        Charts.save(chart, dir, name);
        return new Chart(name, title, "Selective Repeat and Stop-and-Wait beside Go-Back-N at the widest window of "
                + "the sweep. A loss costs Go-Back-N the whole window, Selective Repeat one segment.");
    }

    private static Chart clean(GbnRun run, List<PointStats> stats, Path dir, String name) throws IOException {
        String title = "Go-Back-N on clean loopback against a raw UDP blast";
        XYChart chart = Charts.xy(title, "window N (segments, log scale)", "goodput (Mbit/s)");
        chart.getStyler().setXAxisLogarithmic(true);
        List<PointStats> points = select(stats, SweepPoint::clean);
        Charts.measured(series(chart, "Go-Back-N", points, true), 0);
        double sealed = GbnReport.blastBps(run, true) / 1e6;
        double raw = GbnReport.blastBps(run, false) / 1e6;
        double[] x = points.stream().mapToDouble(s -> s.point().window()).toArray();
        Charts.model(chart.addSeries("blast of raw bytes (median)", x, filled(x.length, raw)), 3);
        Charts.model(chart.addSeries("blast of sealed datagrams (median)", x, filled(x.length, sealed)), 1);
        Charts.model(chart.addSeries(String.format(Locale.ROOT, "%.0f%% of the sealed blast (the goal)",
                100 * GbnReport.CLEAN_GOAL), x, filled(x.length, sealed * GbnReport.CLEAN_GOAL)), 2);
        Charts.save(chart, dir, name);
        return new Chart(name, title, "No impairer at all; the same datagram size as the sweep. Blasts and transfers "
                + "alternate, round by round. The sealed blast sends the transfer's own data datagrams, sealed and "
                + "opened one by one, with no protocol; the raw blast unsealed bytes. The goal: the best window's "
                + "median reaches at least " + Math.round(100 * GbnReport.CLEAN_GOAL) + "% of the sealed blast's.");
    }

    private static double[] filled(int length, double value) {
        double[] values = new double[length];
        java.util.Arrays.fill(values, value);
        return values;
    }

    static String pct(double loss) {
        return String.format(Locale.ROOT, "%s%%", SweepPoint.trim(Math.round(loss * 1000) / 10.0));
    }

    static String mbit(long bps) {
        return String.format(Locale.ROOT, "%s Mbit/s", SweepPoint.trim(bps / 1e6));
    }
}
