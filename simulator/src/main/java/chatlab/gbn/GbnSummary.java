package chatlab.gbn;

import java.util.List;
import java.util.Locale;

/** The sweep as Markdown: the goals, then every point. */
public final class GbnSummary {
    private GbnSummary() {
    }

    public static String cleanGoal(GbnReport.Headline h) {
        return String.format(Locale.ROOT, "clean loopback: Go-Back-N at N = %d reached %s Mbit/s (median), %.0f%% of a "
                + "UDP blast of the same sealed datagrams with no protocol (%s Mbit/s, median); the goal is %.0f%%. "
                + "A blast of raw bytes reached %s Mbit/s: sealing and opening cost %.0f%% of it", h.bestCleanWindow(),
                GbnReport.mbit(h.bestCleanBps()), 100 * h.cleanShare(), GbnReport.mbit(h.blastBps()),
                100 * GbnReport.CLEAN_GOAL, GbnReport.mbit(h.rawBlastBps()),
                h.rawBlastBps() == 0 ? 0 : 100 * (1 - h.blastBps() / h.rawBlastBps()));
    }

    public static String twinGoal(GbnReport.Headline h) {
        return band("the model (the senders' own rules on the ideal link, in virtual time)", h.twin(),
                PointStats::twinRatio, s -> s.capped() ? "capped at ±" + pct(s.relativeCi()) : "");
    }

    public static String closedFormGoal(GbnReport.Headline h) {
        return band("the closed form", h.closedForm(), PointStats::ratio, s -> {
            String caveat = GbnModel.caveat(s.point(), s.model());
            boolean twinAgrees = Math.abs(s.twinRatio() - 1) <= GbnReport.BAND;
            return caveat.isEmpty() ? (twinAgrees ? "" : "the twin misses too") : caveat;
        });
    }

    private static String band(String model, GbnReport.Band band, java.util.function.ToDoubleFunction<PointStats> ratio,
            java.util.function.Function<PointStats, String> why) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "measured steady goodput is within ±%.0f%% of "
                + "%s at %d of %d points with loss up to %.0f%% (Go-Back-N, Stop-and-Wait and Selective Repeat)",
                100 * GbnReport.BAND, model, band.in(), band.of(), 100 * GbnReport.BAND_MAX_LOSS));
        if (!band.outside().isEmpty()) {
            text.append("; outside: ");
            text.append(String.join(", ", band.outside().stream().map(s -> {
                String reason = why.apply(s);
                return s.point().label() + String.format(Locale.ROOT, " (%.2f%s)", ratio.applyAsDouble(s),
                        reason.isEmpty() ? "" : "; " + reason);
            }).toList()));
        }
        return text.toString();
    }

    public static String precisionGoal(GbnRun run, GbnReport.Headline h) {
        SweepConfig c = run.config();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "precision: %d of %d points reached a 95%% "
                + "confidence interval within ±%s of their mean in %d to %d repeats", h.precise(), h.measuredPoints(),
                pct(c.precision()), c.minRepeats(), c.maxRepeats()));
        if (!h.capped().isEmpty()) {
            text.append("; capped: ").append(String.join(", ", h.capped().stream()
                    .map(s -> s.point().label() + " (±" + pct(s.relativeCi()) + ")").toList()));
        }
        return text.toString();
    }

    public static String srGoal(GbnReport.Headline h) {
        return h.srBehindGbn().isEmpty()
                ? "Selective Repeat: at least Go-Back-N's goodput at every lossy point (or within their intervals)"
                : "Selective Repeat behind Go-Back-N, intervals apart, at: " + String.join("; ", h.srBehindGbn());
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    static String markdown(GbnRun run, List<PointStats> impaired, List<PointStats> clean, GbnReport.Headline h) {
        StringBuilder md = new StringBuilder("# Go-Back-N throughput sweep " + run.runId() + "\n\n");
        md.append("Command: `").append(run.command()).append("`\n\n");
        md.append("Machine: ").append(run.machine().describe()).append("\n\n");
        md.append("## Goals\n\n");
        goal(md, h.twin().met(), twinGoal(h));
        goal(md, h.closedForm().met(), closedFormGoal(h));
        goal(md, h.capped().isEmpty(), precisionGoal(run, h));
        goal(md, h.srBehindGbn().isEmpty(), srGoal(h));
        if (!run.config().cleanWindows().isEmpty()) {
            goal(md, h.cleanGoalMet(), cleanGoal(h));
        }
        md.append('\n');
        md.append("## Points\n\n| ").append(String.join(" | ", GbnReport.HEADER)).append(" |\n|");
        md.append("---|".repeat(GbnReport.HEADER.size())).append('\n');
        for (PointStats s : impaired) {
            md.append("| ").append(String.join(" | ", GbnReport.row(s))).append(" |\n");
        }
        for (PointStats s : clean) {
            md.append("| ").append(String.join(" | ", GbnReport.row(s))).append(" |\n");
        }
        md.append("\nSteady goodput is timed from the moment a tenth of the file was acknowledged; start-up is what the "
                + "whole data phase took beyond that rate. The models and their assumptions are in docs/GBN-MODEL.md; the "
                + "charts in index.html.\n");
        return md.toString();
    }

    private static void goal(StringBuilder md, boolean met, String text) {
        md.append("- ").append(met ? "**Met**" : "**Not met**").append(": ").append(text).append(".\n");
    }
}
