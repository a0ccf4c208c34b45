package chatlab.gbn;

import chatlab.report.Html;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a sweep's report from its files alone: the charts, {@code index.html} and
 * {@code summary.md}. {@code ./lab report gbn <run-id>} runs it again on an old run.
 */
public final class GbnReport {
    /** The band within which measured goodput should follow the model. */
    static final double BAND = 0.15;
    /** The loss rates the band applies to. */
    static final double BAND_MAX_LOSS = 0.10;

    /** The two goals, as the report states them. */
    public record Headline(double blastBps, double bestCleanBps, int bestCleanWindow, int inBand, int banded,
            List<PointStats> outside) {
        public double cleanShare() {
            return blastBps == 0 ? 0 : bestCleanBps / blastBps;
        }

        public boolean cleanGoalMet() {
            return cleanShare() >= 0.5;
        }

        public boolean bandGoalMet() {
            return banded > 0 && inBand == banded;
        }
    }

    private GbnReport() {
    }

    public static Headline build(Path dir) throws IOException {
        GbnRun run = GbnRun.read(dir);
        SweepConfig c = run.config();
        List<PointStats> impaired = PointStats.of(run.measurements().stream().filter(m -> !m.clean()).toList(),
                c.fileBytes(), c.chunkBytes(), c.rateBitsPerSecond());
        List<PointStats> clean = PointStats.of(run.measurements().stream().filter(Measurement::clean).toList(),
                c.cleanFileBytes(), c.chunkBytes(), c.rateBitsPerSecond());
        List<PointStats> all = new ArrayList<>(impaired);
        all.addAll(clean);
        Headline headline = headline(run, impaired, clean);
        List<GbnCharts.Chart> charts = GbnCharts.write(run, all, dir);
        Files.writeString(dir.resolve("index.html"), html(run, impaired, clean, headline, charts,
                chatlab.gbn.trace.TraceIndex.section(dir)));
        Files.writeString(dir.resolve("summary.md"), GbnSummary.markdown(run, impaired, clean, headline));
        return headline;
    }

    static Headline headline(GbnRun run, List<PointStats> impaired, List<PointStats> clean) {
        double blast = run.blasts().stream().mapToDouble(Blast::goodputBitsPerSecond).average().orElse(0);
        PointStats best = clean.stream().max(java.util.Comparator.comparingDouble(PointStats::meanBps)).orElse(null);
        List<PointStats> banded = impaired.stream().filter(s -> s.point().goBackN()
                && s.point().loss() <= BAND_MAX_LOSS && s.n() > 0 && s.timeoutModelBps() > 0).toList();
        List<PointStats> outside = banded.stream().filter(s -> Math.abs(s.ratio() - 1) > BAND).toList();
        return new Headline(blast, best == null ? 0 : best.meanBps(), best == null ? 0 : best.point().window(),
                banded.size() - outside.size(), banded.size(), outside);
    }

    static String mbit(double bps) {
        return String.format(Locale.ROOT, "%.2f", bps / 1e6);
    }

    static List<String> row(PointStats s) {
        SweepPoint p = s.point();
        return List.of(p.strategy().code(), Integer.toString(p.window()), GbnCharts.pct(p.loss()),
                SweepPoint.trim(p.delayMs()), s.n() + (s.failed() > 0 ? " (" + s.failed() + " failed)" : ""),
                mbit(s.meanBps()) + " ± " + mbit(s.ciBps()), String.format(Locale.ROOT, "%.1f", s.meanLossEvents()),
                s.timeoutModelBps() > 0 ? mbit(s.timeoutModelBps()) : "",
                s.timeoutModelBps() > 0 ? String.format(Locale.ROOT, "%.2f", s.ratio()) : "",
                s.expectedModelBps() > 0 ? mbit(s.expectedModelBps()) : "",
                s.stallingsBps() > 0 ? mbit(s.stallingsBps()) : "",
                s.meanTimeoutMs() > 0 ? String.format(Locale.ROOT, "%.1f", s.meanTimeoutMs()) : "",
                String.format(Locale.ROOT, "%.0f", s.meanRetransmissions()));
    }

    static final List<String> HEADER = List.of("strategy", "N", "loss", "delay ms", "runs", "measured Mbit/s (95% CI)",
            "loss events", "timeout model", "measured/model", "model at configured loss", "Stallings", "mean T_o ms",
            "retransmissions");

    private static String html(GbnRun run, List<PointStats> impaired, List<PointStats> clean, Headline h,
            List<GbnCharts.Chart> charts, String traces) {
        Html page = new Html("Go-Back-N sweep " + run.runId());
        page.heading(1, "Go-Back-N throughput sweep " + run.runId());
        page.raw("<p>Command: <code>" + Html.escape(run.command()) + "</code><br>Machine: "
                + Html.escape(run.machine().describe()) + "<br>Started " + Html.escape(run.startedAt()) + ", finished "
                + Html.escape(run.finishedAt()) + ".</p>");
        page.heading(2, "Goals");
        page.raw("<ul>" + goal(h.cleanGoalMet(), GbnSummary.cleanGoal(h)) + goal(h.bandGoalMet(), GbnSummary.bandGoal(h))
                + "</ul>");
        page.heading(2, "Charts");
        for (GbnCharts.Chart chart : charts) {
            page.chart(chart.file(), chart.title(), chart.caption());
        }
        page.heading(2, "Every point");
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        impaired.forEach(s -> rows.add(row(s)));
        clean.forEach(s -> rows.add(row(s)));
        page.table(rows);
        page.heading(2, "Raw UDP blasts");
        List<List<String>> blasts = new ArrayList<>();
        blasts.add(List.of("repeat", "datagram bytes", "sent", "received", "ms", "goodput Mbit/s"));
        run.blasts().forEach(b -> blasts.add(List.of(Integer.toString(b.repeat()), Integer.toString(b.datagramBytes()),
                Long.toString(b.sent()), Long.toString(b.received()), String.format(Locale.ROOT, "%.1f", b.nanos() / 1e6),
                mbit(b.goodputBitsPerSecond()))));
        page.table(blasts);
        page.raw(traces);
        page.paragraph("The raw results are in results.json, results.csv and blasts.csv; the configuration and seeds "
                + "in run.json. The models and their assumptions: docs/GBN-MODEL.md.");
        return page.render();
    }

    private static String goal(boolean met, String text) {
        return "<li><span class=\"" + (met ? "ok\">met" : "missed\">not met") + "</span>: " + Html.escape(text) + "</li>";
    }
}
