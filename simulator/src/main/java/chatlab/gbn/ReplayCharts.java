package chatlab.gbn;

import chatlab.report.Charts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.style.Styler;

/** A replay's two charts: our times beside the CSC573 report's, by window and for three receivers. */
final class ReplayCharts {
    static final String WINDOWS = "csc573-windows";
    static final String FAN_OUT = "csc573-receivers";

    private ReplayCharts() {
    }

    static List<GbnCharts.Chart> write(ReplayTable table, ReplaySetup setup, Path dir) throws IOException {
        return List.of(windows(table, setup, dir), fanOut(table, setup, dir));
    }

    private static GbnCharts.Chart windows(ReplayTable table, ReplaySetup setup, Path dir) throws IOException {
        String title = "One file, windows 10 and 20: CSC573 against chatlab";
        CategoryChart chart = Charts.category(title, "Go-Back-N window", "CSC573: transfer time (s)");
        chart.setYAxisGroupTitle(1, "chatlab: transfer time (ms)");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMin(1, 0.0);
        List<String> labels = setup.windows().stream().map(w -> "N = " + w).toList();
        chart.addSeries("CSC573 (their report, left axis)", labels,
                setup.windows().stream().map(Csc573::theirMean).toList());
        List<ReplayTable.Summary> ours = setup.windows().stream().map(w -> table.get(ReplayRow.WINDOW, w)).toList();
        chart.addSeries("chatlab (this run, right axis)", labels, ours.stream().map(s -> s.mean() * 1e3).toList(),
                ours.stream().map(s -> s.ci() * 1e3).toList()).setYAxisGroup(1);
        Charts.save(chart, dir, WINDOWS);
        String theirs = setup.windows().stream().map(w -> "N = " + w + ": " + Csc573.THEIR_SECONDS.get(w).stream()
                .map(s -> String.format(Locale.ROOT, "%.2f s", s)).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return new GbnCharts.Chart(WINDOWS, title, "Their bars are the mean of the receivers' \"Time taken\" in the "
                + "report's screenshots (" + theirs + "). Ours are the data phase of " + setup.repeats() + " transfers "
                + "each, through the modelled link, with 95% confidence intervals. Each has its own axis, theirs in "
                + "seconds on the left and ours in milliseconds on the right: their Python chat room took seconds where "
                + "chatlab takes milliseconds, so compare how each pair of bars falls from window 10 to window 20.");
    }

    private static GbnCharts.Chart fanOut(ReplayTable table, ReplaySetup setup, Path dir) throws IOException {
        int k = setup.receivers();
        String title = "One file to " + k + " receivers: at once against one after another";
        CategoryChart chart = Charts.category(title, "", "time, in units of one transfer alone (t)");
        List<String> labels = List.of("1 receiver", k + " at once", k + " one after another");
        chart.addSeries("CSC573 (their report)", labels, List.of(1.0, Csc573.THEIR_PARALLEL_T, Csc573.THEIR_SEQUENTIAL_T));
        ReplayTable.Summary alone = table.unicast();
        double t = alone.mean() == 0 ? 1 : alone.mean();
        List<ReplayTable.Summary> ours = List.of(alone, table.fanOut(ReplayRow.PARALLEL), table.fanOut(ReplayRow.IN_TURN));
        chart.addSeries("chatlab (this run)", labels, ours.stream().map(s -> s.mean() / t).toList(),
                ours.stream().map(s -> s.ci() / t).toList());
        Charts.save(chart, dir, FAN_OUT);
        return new GbnCharts.Chart(FAN_OUT, title, "Their bars are the report's claim: t for " + k + " receivers in "
                + "parallel, 3t for " + k + " unicasts in turn. Ours: " + setup.repeats() + " fan-outs each way at "
                + "window " + setup.fanOutWindow() + ", from one sender endpoint whose one link all the transfers share, "
                + "in units of t = " + ReplayTable.seconds(alone.mean()) + ", the mean data phase of a transfer made "
                + "alone; at once is the span from the first data segment to the last acknowledgement, in turn the sum "
                + "of the data phases. Error bars are 95% confidence intervals.");
    }
}
