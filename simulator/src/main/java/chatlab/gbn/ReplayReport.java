package chatlab.gbn;

import chatlab.report.Html;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Builds a replay's report from its files alone: the charts, {@code index.html} and
 * {@code summary.md}, each with the parameters and where they come from, and whether our result
 * agrees with the seed's. {@code ./lab report gbn <run-id>} runs it again on an old replay.
 */
public final class ReplayReport {
    /** What the report concludes. */
    public record Findings(ReplayTable table, Agreement.Verdict windows, Agreement.Verdict fanOut) {
    }

    private ReplayReport() {
    }

    public static Findings build(Path dir) throws IOException {
        ReplayRun run = ReplayRun.read(dir);
        Findings findings = findings(run);
        List<GbnCharts.Chart> charts = ReplayCharts.write(findings.table(), run.setup(), dir);
        Files.writeString(dir.resolve("index.html"), html(run, findings, charts));
        Files.writeString(dir.resolve("summary.md"), markdown(run, findings));
        return findings;
    }

    static Findings findings(ReplayRun run) {
        ReplayTable table = ReplayTable.of(run.rows());
        return new Findings(table, Agreement.windows(table, run.setup()), Agreement.fanOut(table, run.setup()));
    }

    static final List<String> HEADER = List.of("what", "window", "runs", "chatlab (mean ± 95% CI)", "CSC573 report");

    /** Our figures beside theirs, one row per part. */
    static List<List<String>> rows(ReplayRun run, ReplayTable table) {
        ReplaySetup s = run.setup();
        List<List<String>> rows = new ArrayList<>();
        for (int window : s.windows()) {
            ReplayTable.Summary ours = table.get(ReplayRow.WINDOW, window);
            rows.add(List.of("one file, one receiver", Integer.toString(window), runs(ours), ours.text(),
                    Csc573.THEIR_SECONDS.get(window).stream().map(ReplayTable::seconds).collect(Collectors.joining(", "))));
        }
        ReplayTable.Summary alone = table.unicast();
        int k = s.receivers();
        rows.add(List.of("one transfer alone (t)", Integer.toString(s.fanOutWindow()), runs(alone), alone.text(), "t"));
        ReplayTable.Summary together = table.fanOut(ReplayRow.PARALLEL);
        rows.add(List.of(k + " receivers at once", Integer.toString(s.fanOutWindow()), runs(together),
                together.text() + inT(together, alone), "t"));
        ReplayTable.Summary inTurn = table.fanOut(ReplayRow.IN_TURN);
        rows.add(List.of(k + " receivers one after another", Integer.toString(s.fanOutWindow()), runs(inTurn),
                inTurn.text() + inT(inTurn, alone), "3t"));
        return rows;
    }

    static final List<String> PARAMETER_HEADER = List.of("parameter", "value", "source");

    /** Every parameter with its value and source, and the lab's own: repeats and seed. */
    static List<List<String>> parameters(ReplaySetup setup) {
        List<List<String>> rows = new ArrayList<>();
        setup.parameters().forEach(p -> rows.add(List.of(p.name(), p.value(), p.source())));
        rows.add(List.of("repeats", Integer.toString(setup.repeats()), "the lab"));
        rows.add(List.of("seed", Long.toString(setup.seed()), "the lab (each repeat's own seed is in results)"));
        return rows;
    }

    private static String runs(ReplayTable.Summary s) {
        return s.n() + (s.failed() > 0 ? " (" + s.failed() + " failed)" : "");
    }

    private static String inT(ReplayTable.Summary s, ReplayTable.Summary alone) {
        return alone.mean() == 0 ? "" : String.format(Locale.ROOT, " (%.2f t)", s.mean() / alone.mean());
    }

    private static String html(ReplayRun run, Findings f, List<GbnCharts.Chart> charts) {
        Html page = new Html("CSC573 replayed " + run.runId());
        page.heading(1, "The CSC573 experiment, replayed " + run.runId());
        page.raw("<p>Command: <code>" + Html.escape(run.command()) + "</code><br>Machine: "
                + Html.escape(run.machine().describe()) + "<br>Started " + Html.escape(run.startedAt()) + ", finished "
                + Html.escape(run.finishedAt()) + ".</p>");
        page.paragraph(INTRO);
        page.heading(2, "Does chatlab agree?");
        page.raw("<ul><li>" + verdict(f.windows()) + "</li><li>" + verdict(f.fanOut()) + "</li></ul>");
        page.heading(2, "Charts");
        for (GbnCharts.Chart chart : charts) {
            page.chart(chart.file(), chart.title(), chart.caption());
        }
        page.heading(2, "Times");
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(rows(run, f.table()));
        page.table(rows);
        page.heading(2, "Parameters");
        List<List<String>> parameters = new ArrayList<>();
        parameters.add(PARAMETER_HEADER);
        parameters.addAll(parameters(run.setup()));
        page.table(parameters);
        page.paragraph("The raw results are in results.json and results.csv; the parameters, seeds and the CSC573 "
                + "report's figures in run.json. The experiment and its assumptions: docs/GBN-MODEL.md.");
        return page.render();
    }

    static final String INTRO = "The CSC573 chat room sent a text file over UDP made reliable with Go-Back-N, with "
            + "windows 10 and 20, and to three receivers in parallel against three unicasts in turn. This run sends the "
            + "same experiment through chatlab's Go-Back-N over real UDP on loopback, through the seeded link model, "
            + "with the report's parameters where it gives them and stated assumptions where it does not.";

    private static String verdict(Agreement.Verdict v) {
        String css = switch (v.level()) {
            case AGREES -> "ok";
            case DIRECTION_ONLY, UNDECIDED -> "";
            case DISAGREES -> "missed";
        };
        return (css.isEmpty() ? "<b>" : "<span class=\"" + css + "\">") + Html.escape(Agreement.capital(v.level().words))
                + (css.isEmpty() ? "</b>" : "</span>") + ": " + Html.escape(v.finding() + " " + v.reason());
    }

    static String markdown(ReplayRun run, Findings f) {
        StringBuilder md = new StringBuilder("# The CSC573 experiment, replayed " + run.runId() + "\n\n");
        md.append("Command: `").append(run.command()).append("`\n\n");
        md.append("Machine: ").append(run.machine().describe()).append("\n\n");
        md.append(INTRO).append("\n\n## Does chatlab agree?\n\n");
        md.append("- **Windows 10 and 20.** ").append(f.windows().sentence()).append('\n');
        md.append("- **").append(run.setup().receivers()).append(" receivers.** ").append(f.fanOut().sentence())
                .append("\n\n## Times\n\n");
        table(md, HEADER, rows(run, f.table()));
        md.append("\n## Parameters\n\n");
        table(md, PARAMETER_HEADER, parameters(run.setup()));
        md.append("\nThe charts are in index.html; the experiment and its assumptions in docs/GBN-MODEL.md.\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
    }
}
