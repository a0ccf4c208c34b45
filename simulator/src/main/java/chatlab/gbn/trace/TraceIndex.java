package chatlab.gbn.trace;

import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.Trace;
import chatlab.p2p.trace.TraceEvent;
import chatlab.p2p.trace.TraceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The traces of a gbn run, for its report: draws each {@code traces/*.jsonl} again (the run's
 * files are the record, so {@code ./lab report gbn} redraws them) and lists them with links to
 * their players, diagrams and raw lines.
 */
public final class TraceIndex {
    public static final String FOLDER = "traces";

    private TraceIndex() {
    }

    /** A trace file's name without {@code .jsonl}. */
    static String stem(Path trace) {
        String name = trace.getFileName().toString();
        return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
    }

    /** The title of a trace's timeline. */
    static String title(Trace trace, Path file) {
        String label = trace.header().label();
        return "Timeline: " + (label == null || label.isBlank() ? file.getFileName().toString() : label);
    }

    /**
     * Draws every trace of the run in {@code runDir} and returns the report's section about them,
     * as HTML; empty when the run has no traces. A trace that cannot be read is listed with why.
     */
    public static String section(Path runDir) throws IOException {
        Path dir = runDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return "";
        }
        List<Path> traces;
        try (Stream<Path> files = Files.list(dir)) {
            traces = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        if (traces.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h2>Transfer traces</h2>\n<p>One transfer per traced point, on the link "
                + "of its first repeat. Each timeline shows the first datagrams (or those around the first loss) as a "
                + "time-sequence diagram; its player steps through them. The format: docs/TRACES.md.</p>\n<ul class=\"traces\">\n");
        for (Path trace : traces) {
            String stem = stem(trace);
            String name = TimelineSvg.escape(FOLDER + "/" + stem);
            try {
                Trace read = TraceFile.read(trace);
                Timeline timeline = Timeline.of(read, Timeline.Span.DEFAULT);
                TimelinePage.write(timeline, title(read, trace), dir, stem);
                html.append("  <li><a href=\"").append(name).append(".html\">").append(TimelineSvg.escape(title(read, trace)))
                        .append("</a> (<a href=\"").append(name).append(".svg\">SVG</a>, <a href=\"").append(name)
                        .append(".jsonl\">trace</a>): ").append(TimelineSvg.escape(summary(read))).append("</li>\n");
            } catch (IOException | RuntimeException e) {
                html.append("  <li>").append(name).append(".jsonl could not be drawn: ")
                        .append(TimelineSvg.escape(String.valueOf(e.getMessage()))).append("</li>\n");
            }
        }
        return html.append("</ul>\n").toString();
    }

    /** The whole trace in a line: datagrams, losses, retransmissions, timeouts. */
    static String summary(Trace trace) {
        long sent = trace.count(TraceEvent.Type.SEND, Side.SENDER, null);
        long lost = trace.count(e -> e.ev().drop());
        long again = trace.count(TraceEvent::retransmission);
        long timeouts = trace.count(TraceEvent.Type.TIMEOUT, null, null);
        return sent + " datagrams sent, " + lost + " lost, " + again + " retransmitted, " + timeouts + " timeouts, "
                + trace.events().size() + " events";
    }
}
