package chatlab.gbn;

import java.util.List;
import java.util.Locale;

/** The sweep as Markdown: the goals, then every point. */
final class GbnSummary {
    private GbnSummary() {
    }

    static String cleanGoal(GbnReport.Headline h) {
        return String.format(Locale.ROOT, "clean loopback: Go-Back-N at N = %d reached %s Mbit/s, %.0f%% of a raw UDP "
                + "blast of the same datagrams (%s Mbit/s); the goal is 50%%", h.bestCleanWindow(),
                GbnReport.mbit(h.bestCleanBps()), 100 * h.cleanShare(), GbnReport.mbit(h.blastBps()));
    }

    static String bandGoal(GbnReport.Headline h) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "impaired link: measured Go-Back-N goodput "
                + "is within ±%.0f%% of the timeout-driven model at %d of %d points with loss up to %.0f%%",
                100 * GbnReport.BAND, h.inBand(), h.banded(), 100 * GbnReport.BAND_MAX_LOSS));
        if (!h.outside().isEmpty()) {
            text.append("; outside: ");
            text.append(String.join(", ", h.outside().stream().map(s -> s.point().label()
                    + String.format(Locale.ROOT, " (%.2f)", s.ratio())).toList()));
        }
        return text.toString();
    }

    static String markdown(GbnRun run, List<PointStats> impaired, List<PointStats> clean, GbnReport.Headline h) {
        StringBuilder md = new StringBuilder("# Go-Back-N throughput sweep " + run.runId() + "\n\n");
        md.append("Command: `").append(run.command()).append("`\n\n");
        md.append("Machine: ").append(run.machine().describe()).append("\n\n");
        md.append("## Goals\n\n");
        md.append("- ").append(h.cleanGoalMet() ? "**Met**" : "**Not met**").append(": ").append(cleanGoal(h)).append(".\n");
        md.append("- ").append(h.bandGoalMet() ? "**Met**" : "**Not met**").append(": ").append(bandGoal(h)).append(".\n\n");
        md.append("## Points\n\n| ").append(String.join(" | ", GbnReport.HEADER)).append(" |\n|");
        md.append("---|".repeat(GbnReport.HEADER.size())).append('\n');
        for (PointStats s : impaired) {
            md.append("| ").append(String.join(" | ", GbnReport.row(s))).append(" |\n");
        }
        for (PointStats s : clean) {
            md.append("| ").append(String.join(" | ", GbnReport.row(s))).append(" |\n");
        }
        md.append("\nThe models and their assumptions are in docs/GBN-MODEL.md; the charts in index.html.\n");
        return md.toString();
    }
}
