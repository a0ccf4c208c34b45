package chatlab.gbn;

import chatlab.p2p.wire.DatagramCodec;
import java.util.List;
import java.util.Locale;

/**
 * Whether a replay agrees with what the CSC573 report found, and why, in a sentence each: for
 * the windows (window 20 was faster than window 10) and for the three receivers (t at once
 * against 3t in turn). A difference counts only when the 95% confidence intervals do not
 * overlap; its size agrees when it falls within what the report measured. The reason comes from
 * Kurose-Ross's model of the assumed link: how many frames a round trip holds.
 */
final class Agreement {
    /** How far from the report's 3t a fan-out in turn may be, against one at once, and still agree in size. */
    static final double FAN_OUT_TOLERANCE = 0.2;

    enum Level {
        AGREES("agrees"), DIRECTION_ONLY("agrees in direction only"), DISAGREES("disagrees"),
        UNDECIDED("cannot tell");

        final String words;

        Level(String words) {
            this.words = words;
        }
    }

    /** A verdict: its level, what was found, and why. */
    record Verdict(Level level, String finding, String reason) {
        /** The verdict in full: "Agrees: ... Why: ...". */
        String sentence() {
            return capital(level.words) + ": " + finding + (reason.isEmpty() ? "" : " " + reason);
        }
    }

    private Agreement() {
    }

    static Verdict windows(ReplayTable table, ReplaySetup setup) {
        ReplayTable.Summary ten = table.get(ReplayRow.WINDOW, 10);
        ReplayTable.Summary twenty = table.get(ReplayRow.WINDOW, 20);
        if (ten.n() < 2 || twenty.n() < 2) {
            return new Verdict(Level.UNDECIDED, "fewer than two transfers succeeded at window 10 or 20.", "");
        }
        double theirs = Csc573.theirMean(10) / Csc573.theirMean(20);
        List<Double> their10 = Csc573.THEIR_SECONDS.get(10);
        double low = their10.stream().mapToDouble(Double::doubleValue).min().orElseThrow() / Csc573.theirMean(20);
        double high = their10.stream().mapToDouble(Double::doubleValue).max().orElseThrow() / Csc573.theirMean(20);
        double ours = ten.mean() / twenty.mean();
        String both = " (" + ten.text() + " against " + twenty.text() + ")";
        String report = String.format(Locale.ROOT, "%.1f× in the CSC573 report, %.1f–%.1f× over its runs", theirs, low, high);
        Level level;
        String finding;
        if (twenty.high() < ten.low()) {
            level = ours >= low && ours <= high ? Level.AGREES : Level.DIRECTION_ONLY;
            finding = String.format(Locale.ROOT, "window 20 sent the file %.2f× as fast as window 10%s, against %s.",
                    ours, both, report);
        } else if (twenty.low() > ten.high()) {
            level = Level.DISAGREES;
            finding = "window 20 was slower than window 10 here" + both + ", against " + report + ".";
        } else {
            level = Level.DISAGREES;
            finding = "windows 10 and 20 took the same time here, within their 95% confidence intervals" + both
                    + ", where window 20 was " + report + ".";
        }
        return new Verdict(level, finding, windowReason(setup));
    }

    static Verdict fanOut(ReplayTable table, ReplaySetup setup) {
        ReplayTable.Summary together = table.fanOut(ReplayRow.PARALLEL);
        ReplayTable.Summary inTurn = table.fanOut(ReplayRow.IN_TURN);
        ReplayTable.Summary alone = table.unicast();
        if (together.n() < 2 || inTurn.n() < 2 || alone.n() < 2) {
            return new Verdict(Level.UNDECIDED, "fewer than two fan-outs succeeded each way.", "");
        }
        double t = alone.mean();
        double theirs = Csc573.THEIR_SEQUENTIAL_T / Csc573.THEIR_PARALLEL_T;
        double ours = inTurn.mean() / together.mean();
        String finding = String.format(Locale.ROOT, "%d receivers at once took %.2f t and one after another %.2f t, "
                + "where t = %s is one transfer alone; the CSC573 report found t against 3t.", setup.receivers(),
                together.mean() / t, inTurn.mean() / t, ReplayTable.seconds(t));
        Level level;
        if (together.high() < inTurn.low()) {
            level = Math.abs(ours / theirs - 1) <= FAN_OUT_TOLERANCE ? Level.AGREES : Level.DIRECTION_ONLY;
        } else {
            level = Level.DISAGREES;
        }
        return new Verdict(level, finding, fanOutReason(setup));
    }

    /** Kurose-Ross's utilisation of the assumed link at a window. */
    static double utilisation(ReplaySetup setup, int window) {
        return GbnModel.kuroseRossUtilization(window, link(setup));
    }

    /** The frames a loss-free round trip holds on the assumed link: 2a + 1. */
    static double pipe(ReplaySetup setup) {
        GbnModel.Link link = link(setup);
        return link.rtt0() / link.tFrame();
    }

    private static GbnModel.Link link(ReplaySetup setup) {
        return new GbnModel.Link(setup.rateBitsPerSecond(), setup.chunkBytes(), setup.chunkBytes() + DatagramCodec.OVERHEAD,
                setup.delayMs() / 1e3);
    }

    private static String windowReason(ReplaySetup setup) {
        double pipe = pipe(setup);
        double predicted = utilisation(setup, 20) / utilisation(setup, 10);
        if (10 < pipe) {
            return String.format(Locale.ROOT, "Why: a round trip on the assumed link holds %.1f frames, so window 10 "
                    + "leaves the link idle for part of every round trip and window 20 %s; Kurose-Ross predicts %.2f×.",
                    pipe, 20 >= pipe ? "keeps it busy" : "for less of it", predicted);
        }
        return String.format(Locale.ROOT, "Why: a round trip on the assumed link holds only %.1f frames, so both "
                + "windows keep the link busy and the link sets the pace; Kurose-Ross predicts no difference. Their "
                + "windows mattered, so their round trip must have been long beside the time to send one datagram, as "
                + "per-datagram work in the endpoints makes it; the report does not say.", pipe);
    }

    private static String fanOutReason(ReplaySetup setup) {
        double each = utilisation(setup, setup.fanOutWindow());
        int k = setup.receivers();
        if (k * each <= 1) {
            return String.format(Locale.ROOT, "Why: alone, a transfer at window %d keeps the sender's link busy %.0f%% of "
                    + "the time, so %d of them fit on it together and overlap almost perfectly; Kurose-Ross predicts t "
                    + "against %dt.", setup.fanOutWindow(), 100 * each, k, k);
        }
        return String.format(Locale.ROOT, "Why: the %d transfers share the sender's link, and alone each keeps it busy "
                + "%.0f%% of the time: together they would need %.0f%%, so they run at the link's rate and Kurose-Ross "
                + "predicts %.2f t at once against %dt in turn, not t.", k, 100 * each, 100 * k * each, k * each, k);
    }

    static String capital(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
