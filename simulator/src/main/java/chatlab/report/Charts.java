package chatlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look every lab chart shares, and saving a chart as PNG and SVG side by side. */
public final class Charts {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;
    /** A palette that stays distinct in print and for most colour-blind readers (Okabe-Ito). */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0), new Color(240, 228, 66)};
    public static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A line chart with the lab's styling. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /** A bar chart with the lab's styling, one bar group per category. */
    public static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    private static void style(org.knowm.xchart.style.AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setSeriesColors(PALETTE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
    }

    /** A circle-marked line, in one of the palette's colours. */
    public static void measured(org.knowm.xchart.XYSeries series, int colour) {
        series.setLineColor(PALETTE[colour % PALETTE.length]);
        series.setMarkerColor(PALETTE[colour % PALETTE.length]);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    /** A dashed line without markers, for a model. */
    public static void model(org.knowm.xchart.XYSeries series, int colour) {
        series.setLineColor(PALETTE[colour % PALETTE.length]);
        series.setLineStyle(DASHED);
        series.setMarker(SeriesMarkers.NONE);
    }

    /** Hollow diamonds without a line, for a model computed point by point (a simulation). */
    public static void computed(org.knowm.xchart.XYSeries series, int colour) {
        series.setMarkerColor(PALETTE[colour % PALETTE.length]);
        series.setMarker(SeriesMarkers.DIAMOND);
        series.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}. */
    public static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String name)
            throws IOException {
        BitmapEncoder.saveBitmapWithDPI(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG, 110);
        VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(name).toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
