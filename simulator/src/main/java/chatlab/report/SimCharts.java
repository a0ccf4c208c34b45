package chatlab.report;

import chatlab.metrics.Series;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The simulation report's charts: everything over time with the faults shaded, and latency distributions. */
public final class SimCharts {
    /** Translucent tints of the palette, one per kind of fault. */
    private static final Color WARM_UP = new Color(128, 128, 128, 40);
    private static final Color[] FAULT_COLOURS = {new Color(213, 94, 0, 45), new Color(0, 114, 178, 40),
        new Color(204, 121, 167, 55), new Color(230, 159, 0, 55), new Color(0, 158, 115, 40), new Color(86, 180, 233, 55),
        new Color(0, 0, 0, 30), new Color(240, 228, 66, 70)};
    private static final java.awt.BasicStroke SOLID = new java.awt.BasicStroke(1.8f);

    private SimCharts() {
    }

    /** A chart over the run's seconds, with the fault windows shaded behind the lines. */
    static XYChart overTime(String title, String yTitle, Series series, boolean logarithmic) {
        XYChart chart = Charts.xy(title, "seconds since the load began", yTitle);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) series.seconds());
        if (logarithmic) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        return chart;
    }

    /** Adds a line, leaving out seconds with no value (NaN). */
    static void line(XYChart chart, String name, double[] values, int colour, boolean dashed) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int s = 0; s < values.length; s++) {
            if (!Double.isNaN(values[s])) {
                x.add(s + 0.5);
                y.add(values[s]);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        line(chart, name, x, y, colour).setLineStyle(dashed ? Charts.DASHED : SOLID);
    }

    /** A solid line through points that are not a second apart. */
    static XYSeries line(XYChart chart, String name, List<Double> x, List<Double> y, int colour) {
        XYSeries line = chart.addSeries(name, x, y);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Charts.PALETTE[colour % Charts.PALETTE.length]);
        line.setLineStyle(SOLID);
        return line;
    }

    static void line(XYChart chart, String name, long[] values, int colour) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        line(chart, name, d, colour, false);
    }

    /**
     * Shades each fault window from {@code bottom} to {@code top}: one legend entry per kind of
     * fault. Add it before the lines, so that they are drawn over it.
     */
    /** Shades the warm-up, if any, in grey and each fault window in its own colour, from {@code bottom} to {@code top}. */
    static void shade(XYChart chart, Series s, double bottom, double top) {
        if (s.warmUpSeconds() > 0) {
            band(chart, "warm-up (not in the totals)", WARM_UP, 0, s.warmUpSeconds(), bottom, top)
                    .setLineColor(new Color(128, 128, 128, 140));
        }
        shadeFaults(chart, s.faults(), bottom, top);
    }

    private static XYSeries band(XYChart chart, String name, Color colour, double from, double to, double bottom,
            double top) {
        XYSeries band = chart.addSeries(name, new double[] {from, from, to, to}, new double[] {bottom, top, top, bottom});
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        band.setFillColor(colour);
        band.setLineColor(colour);
        band.setMarker(SeriesMarkers.NONE);
        return band;
    }

    private static void shadeFaults(XYChart chart, List<Series.FaultSpan> faults, double bottom, double top) {
        Set<String> named = new HashSet<>();
        Map<String, Color> colours = new java.util.LinkedHashMap<>();
        int n = 0;
        for (Series.FaultSpan f : faults) {
            Color colour = colours.computeIfAbsent(f.description(), d -> FAULT_COLOURS[colours.size() % FAULT_COLOURS.length]);
            String name = named.add(f.description()) ? f.description() : f.description() + " #" + (++n);
            band(chart, name, colour, f.start(), f.end(), bottom, top).setShowInLegend(!name.contains(" #"));
        }
    }

    /** The largest finite value among arrays, at least {@code floor}. */
    static double max(double floor, double[]... arrays) {
        double max = floor;
        for (double[] a : arrays) {
            for (double v : a) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max;
    }

    /** The largest count among arrays, at least 1. */
    static double max(long[]... arrays) {
        long max = 1;
        for (long[] a : arrays) {
            for (long v : a) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    /** The power of ten at or below the smallest positive value among arrays: the floor of a logarithmic axis. */
    static double logFloor(double[]... arrays) {
        double min = Double.MAX_VALUE;
        for (double[] a : arrays) {
            for (double v : a) {
                if (!Double.isNaN(v) && v > 0) {
                    min = Math.min(min, v);
                }
            }
        }
        return min == Double.MAX_VALUE ? 1 : Math.pow(10, Math.floor(Math.log10(min)));
    }

    /**
     * Latency by percentile, HdrHistogram's way: the x axis runs 1/(1 − p), so the tail from
     * p90 to p99.99 gets as much room as the body.
     */
    static XYChart distribution(String title, Map<String, Histogram> histograms) {
        XYChart chart = Charts.xy(title, "percentile", "latency (ms)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        Function<Double, String> percentile = x -> {
            double p = 100 * (1 - 1 / x);
            return p < 99 ? String.format(java.util.Locale.ROOT, "%.0f%%", p)
                    : String.format(java.util.Locale.ROOT, "%s%%", trim(p));
        };
        chart.getStyler().setXAxisTickLabelsFormattingFunction(percentile);
        int colour = 0;
        double lowest = Double.MAX_VALUE;
        for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
            Histogram h = e.getValue();
            if (h.getTotalCount() == 0) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (double p : new double[] {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999}) {
                double value = Math.max(0.001, h.getValueAtPercentile(p) / 1000.0);
                x.add(1 / (1 - p / 100.0));
                y.add(value);
                lowest = Math.min(lowest, value);
            }
            x.add(1 / (1 - 0.99999));
            y.add(Math.max(0.001, h.getMaxValue() / 1000.0));
            XYSeries line = chart.addSeries(e.getKey() + " (" + h.getTotalCount() + ")", x, y);
            Charts.measured(line, colour++);
        }
        chart.getStyler().setYAxisMin(lowest == Double.MAX_VALUE ? 0.001 : lowest / 1.5);
        return chart;
    }

    private static String trim(double p) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", p);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
