package chatlab.gbn.trace;

import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.TraceEvent;
import chatlab.p2p.trace.TraceEvent.Type;
import chatlab.p2p.trace.TraceHeader;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Timeline} as a time-sequence diagram in SVG, written as text: the sender's and
 * the receiver's time lines side by side, time running down; each datagram an arrow from its
 * send to its arrival; a loss an arrow that ends in a cross half-way; retransmissions orange and
 * dashed; timeouts marked on the sender's line; the window [base, next) beside it, as a bar as
 * wide as the segments in flight with its edges written where they change. Every element drawn
 * for an event carries {@code data-step}, the index of that event, which the player uses to show
 * the diagram growing; each has a {@code <title>} saying what it is.
 */
public final class TimelineSvg {
    static final int WIDTH = 980;
    static final int TOP = 128;
    static final int BOTTOM = 40;
    static final double TIME_X = 64;
    static final double BAND_RIGHT = 250;
    static final double BAND_WIDTH = 80;
    static final double SENDER_X = 340;
    static final double RECEIVER_X = 840;
    /** Labels closer than this to the last one in their column are left out (the tooltip still names the datagram). */
    static final double LABEL_GAP = 10;

    private final Timeline timeline;
    private final double height;
    private final double scale;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private TimelineSvg(Timeline timeline) {
        this.timeline = timeline;
        double plot = Math.max(480, Math.min(2800, timeline.flights().size() * 18.0));
        this.height = TOP + plot + BOTTOM;
        this.scale = plot / Math.max(1, timeline.to() - timeline.from());
    }

    /** The SVG document of {@code timeline}, titled {@code title}. */
    public static String render(Timeline timeline, String title) {
        return new TimelineSvg(timeline).draw(title);
    }

    /** Where each time of the trace's time line is drawn, down the diagram of {@code timeline}. */
    static java.util.function.LongToDoubleFunction verticalScale(Timeline timeline) {
        return new TimelineSvg(timeline)::y;
    }

    /** The vertical position of a time on the trace's time line. */
    double y(long t) {
        return TOP + (t - timeline.from()) * scale;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private String draw(String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline\" width=\"").append(WIDTH).append("\" height=\"")
                .append(f(height)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(f(height))
                .append("\" role=\"img\" aria-labelledby=\"tl-title tl-desc\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\n");
        out.append("<title id=\"tl-title\">").append(escape(title)).append("</title>\n");
        out.append("<desc id=\"tl-desc\">").append(escape(description())).append("</desc>\n");
        out.append(STYLE);
        legend(title);
        axes();
        window();
        List<Flight> flights = timeline.flights();
        double[] lastLabel = {-1e9, -1e9, -1e9};
        for (Flight flight : flights) {
            flight(flight, lastLabel);
        }
        for (int i = 0; i < timeline.events().size(); i++) {
            TraceEvent e = timeline.events().get(i);
            if (e.ev() == Type.TIMEOUT || e.ev() == Type.BACKOFF) {
                timerMark(i, e);
            }
        }
        out.append("<line id=\"now\" class=\"now\" x1=\"").append(f(TIME_X)).append("\" x2=\"").append(f(RECEIVER_X + 40))
                .append("\" y1=\"").append(f(TOP)).append("\" y2=\"").append(f(TOP)).append("\" display=\"none\"/>\n");
        out.append("</svg>\n");
        return out.toString();
    }

    private String description() {
        long lost = timeline.flights().stream().filter(fl -> fl.fate().dropped()).count();
        long again = timeline.flights().stream().filter(Flight::retransmission).count();
        long timeouts = timeline.events().stream().filter(e -> e.ev() == Type.TIMEOUT).count();
        return "Time-sequence diagram from " + EventText.ms(timeline.from()) + " to " + EventText.ms(timeline.to())
                + ": " + timeline.flights().size() + " datagrams, " + lost + " lost, " + again + " retransmissions, "
                + timeouts + " timeouts. The sender is on the left, the receiver on the right, time runs down.";
    }

    private void legend(String title) {
        TraceHeader h = timeline.trace().header();
        out.append("<text x=\"20\" y=\"24\" font-size=\"15\" font-weight=\"bold\">").append(escape(title)).append("</text>\n");
        StringBuilder line = new StringBuilder();
        if (h.strategy() != null) {
            line.append(h.strategy()).append(", N=").append(h.window()).append(", ").append(h.chunk()).append("-byte chunks, ")
                    .append(h.segments()).append(" segments");
        }
        if (h.link() != null) {
            line.append("; link ").append(h.link().spec());
        }
        if (h.seed() != null) {
            line.append("; seed ").append(h.seed());
        }
        out.append("<text x=\"20\" y=\"44\" fill=\"#444\">").append(escape(line.toString())).append("</text>\n");
        double x = 20;
        for (String[] item : new String[][] {{"data", "DATA"}, {"retx", "retransmission"}, {"ack", "ACK"},
                {"ctl", "SYN, FIN, their replies"}}) {
            out.append("<line class=\"arrow ").append(item[0]).append(" key\" x1=\"").append(f(x)).append("\" y1=\"66\" x2=\"")
                    .append(f(x + 34)).append("\" y2=\"66\"/><text x=\"").append(f(x + 40)).append("\" y=\"70\">")
                    .append(item[1]).append("</text>\n");
            x += 60 + item[1].length() * 6.5;
        }
        out.append("<path class=\"lost-mark\" d=\"").append(cross(x + 6, 66)).append("\"/><text x=\"").append(f(x + 16))
                .append("\" y=\"70\">lost</text>\n");
        out.append("<rect class=\"band\" x=\"").append(f(x + 60)).append("\" y=\"60\" width=\"14\" height=\"12\"/><text x=\"")
                .append(f(x + 80)).append("\" y=\"70\">in flight [base, next)</text>\n");
    }

    private void axes() {
        double bottom = height - BOTTOM;
        out.append("<text x=\"").append(f(SENDER_X)).append("\" y=\"").append(TOP - 14)
                .append("\" text-anchor=\"middle\" font-weight=\"bold\">sender</text>\n");
        out.append("<text x=\"").append(f(RECEIVER_X)).append("\" y=\"").append(TOP - 14)
                .append("\" text-anchor=\"middle\" font-weight=\"bold\">receiver</text>\n");
        out.append("<text x=\"").append(f(BAND_RIGHT - BAND_WIDTH / 2)).append("\" y=\"").append(TOP - 14)
                .append("\" text-anchor=\"middle\" fill=\"#444\">window</text>\n");
        out.append("<text x=\"").append(f(TIME_X)).append("\" y=\"").append(TOP - 14)
                .append("\" text-anchor=\"end\" fill=\"#444\">ms</text>\n");
        double span = (timeline.to() - timeline.from()) / 1e6;
        double step = niceStep(span / 12);
        double first = Math.ceil(timeline.from() / 1e6 / step) * step;
        for (int i = 0; i < 200 && first + i * step <= timeline.to() / 1e6; i++) {
            double ms = first + i * step;
            double y = y(Math.round(ms * 1e6));
            out.append("<line class=\"grid\" x1=\"").append(f(TIME_X + 4)).append("\" x2=\"").append(f(RECEIVER_X))
                    .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/><text x=\"").append(f(TIME_X))
                    .append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\" fill=\"#555\">")
                    .append(trim(ms)).append("</text>\n");
        }
        out.append("<line class=\"axis\" x1=\"").append(f(SENDER_X)).append("\" x2=\"").append(f(SENDER_X)).append("\" y1=\"")
                .append(TOP - 8).append("\" y2=\"").append(f(bottom)).append("\"/>\n");
        out.append("<line class=\"axis\" x1=\"").append(f(RECEIVER_X)).append("\" x2=\"").append(f(RECEIVER_X))
                .append("\" y1=\"").append(TOP - 8).append("\" y2=\"").append(f(bottom)).append("\"/>\n");
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-6))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (raw <= m * magnitude) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String trim(double ms) {
        return ms == Math.rint(ms) ? Long.toString((long) ms) : String.format(Locale.ROOT, "%.3f", ms).replaceAll("0+$", "");
    }

    /** The window: a bar as wide as the segments in flight, with [base, next) written where it changes. */
    private void window() {
        List<TraceEvent> events = timeline.events();
        Integer size = timeline.trace().header().window();
        double perSegment = BAND_WIDTH / Math.max(1, size == null ? 1 : size);
        double lastLabel = -1e9;
        Long base = null;
        Long next = null;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e.base() == null || e.next() == null || (e.base().equals(base) && e.next().equals(next))) {
                continue;
            }
            base = e.base();
            next = e.next();
            long until = timeline.to();
            for (int k = i + 1; k < events.size(); k++) {
                TraceEvent later = events.get(k);
                if (later.base() != null && (!later.base().equals(base) || !later.next().equals(next))) {
                    until = later.t();
                    break;
                }
            }
            double y = y(e.t());
            double w = Math.min(BAND_WIDTH, (next - base) * perSegment);
            out.append("<g class=\"window-mark\" data-step=\"").append(i).append("\"><title>window [").append(base).append(", ")
                    .append(next).append(") from ").append(EventText.ms(e.t())).append("</title><rect class=\"band\" x=\"")
                    .append(f(BAND_RIGHT - w)).append("\" y=\"").append(f(y)).append("\" width=\"").append(f(w))
                    .append("\" height=\"").append(f(Math.max(0.5, y(until) - y))).append("\"/>");
            if (y - lastLabel >= LABEL_GAP) {
                out.append("<text x=\"").append(f(BAND_RIGHT - BAND_WIDTH - 6)).append("\" y=\"").append(f(y + 4))
                        .append("\" text-anchor=\"end\">[").append(base).append(", ").append(next).append(")</text>");
                lastLabel = y;
            }
            out.append("</g>\n");
        }
    }

    private void flight(Flight flight, double[] lastLabel) {
        TraceEvent send = flight.send();
        boolean fromSender = flight.from() == Side.SENDER;
        double x1 = fromSender ? SENDER_X : RECEIVER_X;
        double x2 = fromSender ? RECEIVER_X : SENDER_X;
        double y1 = y(send.t());
        double y2 = y(flight.end());
        String kind = "DATA".equals(send.kind()) ? (flight.retransmission() ? "retx" : "data")
                : "ACK".equals(send.kind()) ? "ack" : flight.retransmission() ? "retx" : "ctl";
        String fate = flight.fate().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (flight.fate() == Flight.Fate.LOST) {
            x2 = (x1 + x2) / 2;
        } else if (flight.fate() == Flight.Fate.QUEUE_DROP) {
            x2 = x1 + (fromSender ? 40 : -40);
            y2 = y1 + 6;
        }
        out.append("<g class=\"flight ").append(kind).append(' ').append(fate).append("\" data-step=\"").append(flight.step())
                .append("\"><title>").append(escape(tooltip(flight))).append("</title>");
        out.append("<line class=\"arrow ").append(kind).append("\" x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1))
                .append("\" x2=\"").append(f(x2)).append("\" y2=\"").append(f(y2)).append('"')
                .append(flight.fate().dropped() ? "" : " marker-end=\"url(#head-" + kind + ")\"").append("/>");
        for (long copy : flight.copies()) {
            out.append("<line class=\"copy\" x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1)).append("\" x2=\"")
                    .append(f(fromSender ? RECEIVER_X : SENDER_X)).append("\" y2=\"").append(f(y(copy))).append("\"/>");
        }
        if (flight.fate().dropped()) {
            out.append("<path class=\"lost-mark\" d=\"").append(cross(x2, y2)).append("\"/>");
        } else if (flight.fate() == Flight.Fate.CORRUPTED) {
            out.append("<circle class=\"corrupt-mark\" cx=\"").append(f(x2)).append("\" cy=\"").append(f(y2)).append("\" r=\"4\"/>");
        }
        if (flight.discarded()) {
            out.append("<circle class=\"discard-mark\" cx=\"").append(f(x2 + 7)).append("\" cy=\"").append(f(y2))
                    .append("\" r=\"3\"/>");
        }
        // labels sit at the arrow's end: beside the receiver, beside the sender, or by the cross of a loss
        int column = flight.fate().dropped() ? 2 : fromSender ? 1 : 0;
        if (y2 - lastLabel[column] >= LABEL_GAP) {
            double lx = flight.fate().dropped() ? x2 + (fromSender ? 8 : -8) : x2 + (fromSender ? 10 : -10);
            out.append("<text class=\"label ").append(kind).append("\" x=\"").append(f(lx)).append("\" y=\"")
                    .append(f(y2 + 4)).append("\" text-anchor=\"").append(fromSender ? "start" : "end").append("\">")
                    .append(escape(flight.label() + (flight.retransmission() ? " #" + send.tx() : ""))).append("</text>");
            lastLabel[column] = y2;
        }
        out.append("</g>\n");
    }

    private static String tooltip(Flight flight) {
        TraceEvent s = flight.send();
        String what = (flight.from() == Side.SENDER ? "sender" : "receiver") + " sends " + flight.label()
                + (flight.retransmission() ? " (transmission " + s.tx() + ")" : "") + " at " + EventText.ms(s.t());
        return what + switch (flight.fate()) {
            case DELIVERED -> ", arrives at " + EventText.ms(flight.end()) + (flight.discarded() ? " and is thrown away" : "");
            case LOST -> ", lost in transit";
            case QUEUE_DROP -> ", dropped: the link's queue is full";
            case CORRUPTED -> ", arrives corrupted at " + EventText.ms(flight.end()) + " and is dropped";
            case UNKNOWN -> ", not seen to arrive";
        } + (flight.copies().isEmpty() ? "" : "; duplicated by the link");
    }

    private void timerMark(int step, TraceEvent e) {
        double y = y(e.t());
        boolean timeout = e.ev() == Type.TIMEOUT;
        out.append("<g class=\"").append(timeout ? "timeout-mark" : "backoff-mark").append("\" data-step=\"").append(step)
                .append("\"><title>").append(escape(EventText.of(e))).append("</title>");
        if (timeout) {
            out.append("<line x1=\"").append(f(SENDER_X - 14)).append("\" x2=\"").append(f(SENDER_X + 14)).append("\" y1=\"")
                    .append(f(y)).append("\" y2=\"").append(f(y)).append("\"/><circle cx=\"").append(f(SENDER_X))
                    .append("\" cy=\"").append(f(y)).append("\" r=\"5\"/><text x=\"").append(f(SENDER_X - 18))
                    .append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\">timeout</text>");
        } else {
            out.append("<text x=\"").append(f(SENDER_X - 18)).append("\" y=\"").append(f(y + 15))
                    .append("\" text-anchor=\"end\">RTO ×2 = ").append(escape(EventText.ms(e.rto()))).append("</text>");
        }
        out.append("</g>\n");
    }

    private static String cross(double x, double y) {
        double r = 5;
        return "M" + f(x - r) + " " + f(y - r) + "L" + f(x + r) + " " + f(y + r) + "M" + f(x - r) + " " + f(y + r) + "L"
                + f(x + r) + " " + f(y - r);
    }

    private static final String STYLE = """
            <defs>
              <marker id="head-data" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#1f77b4"/></marker>
              <marker id="head-retx" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#d95f02"/></marker>
              <marker id="head-ack" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#1b9e77"/></marker>
              <marker id="head-ctl" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#7570b3"/></marker>
            </defs>
            <style>
              .future { display: none; }
              .axis { stroke: #222; stroke-width: 2; }
              .grid { stroke: #eee; stroke-width: 1; }
              .arrow { stroke-width: 1.4; }
              .arrow.data { stroke: #1f77b4; }
              .arrow.retx { stroke: #d95f02; stroke-dasharray: 6 3; stroke-width: 1.8; }
              .arrow.ack { stroke: #1b9e77; stroke-width: 1.1; }
              .arrow.ctl { stroke: #7570b3; stroke-width: 1.8; }
              .copy { stroke: #888; stroke-dasharray: 2 2; }
              .label { font-size: 9.5px; }
              .label.data { fill: #1f77b4; } .label.retx { fill: #d95f02; } .label.ack { fill: #1b9e77; } .label.ctl { fill: #7570b3; }
              .lost-mark { stroke: #d62728; stroke-width: 2.5; fill: none; }
              .corrupt-mark { fill: #e7298a; }
              .discard-mark { fill: #fff; stroke: #555; }
              .band { fill: #c6dbef; stroke: #6baed6; stroke-width: 0.5; }
              .timeout-mark { stroke: #d62728; fill: #d62728; }
              .timeout-mark text, .backoff-mark text { stroke: none; fill: #d62728; font-weight: bold; font-size: 10px; }
              .now { stroke: #000; stroke-width: 1; stroke-dasharray: 3 3; }
            </style>
            """;
}
