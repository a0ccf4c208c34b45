package chatlab.gbn.trace;

import chatlab.cli.VersionProvider;
import chatlab.p2p.impair.Units;
import chatlab.p2p.trace.Trace;
import chatlab.p2p.trace.TraceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab gbn timeline TRACE.jsonl}: draws any transfer trace as a diagram and a player. */
@Command(name = "timeline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Draws a transfer trace as a time-sequence diagram and a step-by-step player.",
                "The trace is one written by ./lab gbn --trace or ./lab client --trace (docs/TRACES.md).",
                "Writes TRACE.svg, the diagram, and TRACE.html, a player: one file, no network.",
                "By default it shows 60 datagrams from the start, or from 20 datagrams before",
                "the first loss if that comes after the 40th; --from, --to and --datagrams",
                "choose another part."},
        footer = {"", "Examples:",
                "  ./lab gbn timeline reports/gbn/<run-id>/traces/gbn-n8-p0.05-d10ms.jsonl",
                "  ./lab gbn timeline t-1-sent-bob.jsonl --from 200ms --to 450ms --out /tmp/timeline",
                "  ./lab gbn timeline trace.jsonl --datagrams 150",
                "", "Exit codes: 0 drawn, 2 invalid arguments or a trace that cannot be read."})
public final class TimelineCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TRACE.jsonl", description = "The trace to draw.")
    private Path trace;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the .svg and .html (default: beside the trace).")
    private Path out;

    @Option(names = "--from", paramLabel = "DURATION", description = "Start at this time since the trace's first event, e.g. 120ms.")
    private String from;

    @Option(names = "--to", paramLabel = "DURATION", description = "End at this time (default: after --datagrams datagrams).")
    private String to;

    @Option(names = "--datagrams", paramLabel = "N", defaultValue = "60", description = "Datagrams to show when --to is not given (default: ${DEFAULT-VALUE}).")
    private int datagrams;

    @Option(names = "--title", paramLabel = "TEXT", description = "The diagram's title (default: the trace's label).")
    private String title;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Timeline.Span span;
        try {
            span = new Timeline.Span(from == null ? null : Units.duration(from).toNanos(),
                    to == null ? null : Units.duration(to).toNanos(), datagrams);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        Trace read;
        try {
            read = TraceFile.read(trace);
        } catch (IOException e) {
            return fail(e.getMessage());
        }
        Timeline timeline = Timeline.of(read, span);
        if (timeline.steps().isEmpty()) {
            return fail("the trace has no events between " + EventText.ms(timeline.from()) + " and "
                    + EventText.ms(timeline.to()));
        }
        Path dir = out != null ? out : trace.toAbsolutePath().getParent();
        try {
            TimelinePage.Written written = TimelinePage.write(timeline, title != null ? title : TraceIndex.title(read, trace),
                    dir, TraceIndex.stem(trace));
            spec.commandLine().getOut().println("Diagram: " + written.svg().toAbsolutePath().normalize());
            spec.commandLine().getOut().println("Player: " + written.html().toAbsolutePath().normalize());
            return 0;
        } catch (IOException e) {
            return fail("cannot write to " + dir + ": " + e.getMessage());
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return 2;
    }
}
