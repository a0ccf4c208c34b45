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
    static final double BAND = 0.10;
    /** The loss rates the band applies to. */
    static final double BAND_MAX_LOSS = 0.10;
    /** The share of the raw UDP blast the best clean window should reach. */
    static final double CLEAN_GOAL = 0.85;

    /** How many points of a kind follow a model within the band, and which do not. */
    public record Band(int in, int of, List<PointStats> outside) {
        public boolean met() {
            return of > 0 && in == of;
        }
    }

    /**
     * The goals, as the report states them. The clean loopback compares medians: the best clean
     * window's median goodput over the median blast of the same sealed datagrams in the same run
     * ({@code blastBps}); {@code rawBlastBps} is the median blast of unsealed bytes, for the cost
     * of the sealing itself.
     */
    public record Headline(double blastBps, double rawBlastBps, double bestCleanBps, int bestCleanWindow, Band twin, Band closedForm,
            int precise, int measuredPoints, List<PointStats> capped, List<String> srBehindGbn) {
        public double cleanShare() {
            return blastBps == 0 ? 0 : bestCleanBps / blastBps;
        }

        public boolean cleanGoalMet() {
            return cleanShare() >= CLEAN_GOAL;
        }
    }

    private GbnReport() {
    }

    public static Headline build(Path dir) throws IOException {
        GbnRun run = GbnRun.read(dir);
        SweepConfig c = run.config();
        List<PointStats> impaired = PointStats.of(run.measurements().stream().filter(m -> !m.clean()).toList(), c);
        List<PointStats> clean = PointStats.of(run.measurements().stream().filter(Measurement::clean).toList(), c);
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
        double blast = blastBps(run, true);
        java.util.function.ToDoubleFunction<PointStats> median = s -> PointStats.median(run.measurements().stream()
                .filter(m -> m.ok() && m.point().equals(s.point())).mapToDouble(Measurement::goodputBitsPerSecond).toArray());
        PointStats best = clean.stream().max(java.util.Comparator.comparingDouble(median)).orElse(null);
        List<PointStats> banded = impaired.stream().filter(s -> s.point().loss() <= BAND_MAX_LOSS && s.n() > 0).toList();
        List<PointStats> measured = impaired.stream().filter(s -> s.n() > 0).toList();
        List<PointStats> capped = measured.stream().filter(PointStats::capped).toList();
        return new Headline(blast, blastBps(run, false), best == null ? 0 : median.applyAsDouble(best), best == null ? 0 : best.point().window(),
                band(banded, PointStats::twinRatio), band(banded, PointStats::ratio),
                measured.size() - capped.size(), measured.size(), capped, srBehindGbn(impaired));
    }

    /**
     * The blasts' goodput, the median of the run's sealed or raw blasts: each lasts tens of
     * milliseconds, and one unlucky or lucky blast should not move the baseline. A run from before
     * sealed blasts has only raw ones, and they stand for both.
     */
    static double blastBps(GbnRun run, boolean sealed) {
        boolean any = run.blasts().stream().anyMatch(b -> b.sealed() == sealed);
        return PointStats.median(run.blasts().stream().filter(b -> !any || b.sealed() == sealed)
                .mapToDouble(Blast::goodputBitsPerSecond).toArray());
    }

    private static Band band(List<PointStats> points, java.util.function.ToDoubleFunction<PointStats> ratio) {
        List<PointStats> outside = points.stream().filter(s -> Math.abs(ratio.applyAsDouble(s) - 1) > BAND).toList();
        return new Band(points.size() - outside.size(), points.size(), outside);
    }

    /**
     * The lossy points where Selective Repeat measured less than Go-Back-N at the same window,
     * with their confidence intervals apart: theory says it never should.
     */
    static List<String> srBehindGbn(List<PointStats> impaired) {
        List<String> behind = new ArrayList<>();
        for (PointStats sr : impaired) {
            SweepPoint p = sr.point();
            if (p.strategy() != chatlab.p2p.arq.Strategy.SELECTIVE_REPEAT || p.loss() == 0 || sr.n() == 0) {
                continue;
            }
            impaired.stream().filter(g -> g.point().equals(new SweepPoint(chatlab.p2p.arq.Strategy.GO_BACK_N, p.window(),
                    p.loss(), p.delayMs(), false)) && g.n() > 0).findFirst().ifPresent(gbn -> {
                        if (sr.meanBps() + sr.ciBps() < gbn.meanBps() - gbn.ciBps()) {
                            behind.add(String.format(Locale.ROOT, "%s: %s against Go-Back-N's %s Mbit/s", p.label(),
                                    mbit(sr.meanBps()), mbit(gbn.meanBps())));
                        }
                    });
        }
        return behind;
    }

    static String mbit(double bps) {
        return String.format(Locale.ROOT, "%.2f", bps / 1e6);
    }

    private static String ratio(double value) {
        return value > 0 ? String.format(Locale.ROOT, "%.2f", value) : "";
    }

    static List<String> row(PointStats s) {
        SweepPoint p = s.point();
        GbnModel.Prediction m = s.model();
        return List.of(p.strategy().code(), Integer.toString(p.window()), GbnCharts.pct(p.loss()),
                SweepPoint.trim(p.delayMs()), s.n() + (s.capped() ? " (cap)" : "") + (s.failed() > 0 ? " (" + s.failed() + " failed)" : ""),
                Long.toString(s.frames()),
                mbit(s.meanBps()) + " ± " + mbit(s.ciBps()) + String.format(Locale.ROOT, " (±%.0f%%)", 100 * s.relativeCi()),
                m == null ? "" : mbit(m.goodputBps()), ratio(s.ratio()),
                s.twinBps() > 0 ? mbit(s.twinBps()) : "", ratio(s.twinRatio()),
                s.stallingsBps() > 0 ? mbit(s.stallingsBps()) : "",
                p.clean() ? "" : String.format(Locale.ROOT, "%.1f", s.startupMs()),
                String.format(Locale.ROOT, "%.1f", s.meanLossEvents()),
                m == null || p.loss() == 0 ? "" : String.format(Locale.ROOT, "%.1f", m.timeout() * 1e3),
                s.meanTimeoutMs() > 0 ? String.format(Locale.ROOT, "%.1f", s.meanTimeoutMs()) : "",
                String.format(Locale.ROOT, "%.0f", s.meanRetransmissions()),
                p.clean() ? "" : GbnModel.caveat(p, s.model()));
    }

    static final List<String> HEADER = List.of("strategy", "N", "loss", "delay ms", "runs", "frames",
            "steady Mbit/s (95% CI)", "closed form", "measured/closed form", "twin", "measured/twin", "Stallings",
            "start-up ms", "loss events", "model T_o ms", "mean T_o ms", "retransmissions", "closed form's caveat");

    private static String html(GbnRun run, List<PointStats> impaired, List<PointStats> clean, Headline h,
            List<GbnCharts.Chart> charts, String traces) {
        Html page = new Html("Go-Back-N sweep " + run.runId());
        page.heading(1, "Go-Back-N throughput sweep " + run.runId());
        page.raw("<p>Command: <code>" + Html.escape(run.command()) + "</code><br>Machine: "
                + Html.escape(run.machine().describe()) + "<br>Started " + Html.escape(run.startedAt()) + ", finished "
                + Html.escape(run.finishedAt()) + ".</p>");
        page.heading(2, "Goals");
        page.raw("<ul>" + goal(h.twin().met(), GbnSummary.twinGoal(h)) + goal(h.closedForm().met(), GbnSummary.closedFormGoal(h))
                + goal(h.capped().isEmpty(), GbnSummary.precisionGoal(run, h)) + goal(h.srBehindGbn().isEmpty(), GbnSummary.srGoal(h))
                + (run.config().cleanWindows().isEmpty() ? "" : goal(h.cleanGoalMet(), GbnSummary.cleanGoal(h))) + "</ul>");
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
        page.heading(2, "UDP blasts");
        List<List<String>> blasts = new ArrayList<>();
        blasts.add(List.of("repeat", "datagrams", "datagram bytes", "sent", "received", "ms", "goodput Mbit/s"));
        run.blasts().forEach(b -> blasts.add(List.of(Integer.toString(b.repeat()), b.sealed() ? "sealed" : "raw",
                Integer.toString(b.datagramBytes()),
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
