package chatlab.gbn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A replay's rows summarised: the mean time of each part, with a 95% confidence interval
 * (Student's t) over its repeats, and {@link #unicast()}, the time one transfer takes alone.
 */
public record ReplayTable(List<Summary> summaries, Summary unicast) {

    /** One part at one window: its successful runs, failures, mean seconds and the half-width of its interval. */
    public record Summary(String part, int window, int n, int failed, double mean, double ci) {
        double low() {
            return mean - ci;
        }

        double high() {
            return mean + ci;
        }

        /** "31.2 ms ± 0.8" or "2.90 s". */
        String text() {
            return ReplayTable.seconds(mean) + (n > 1 ? " ± " + ReplayTable.seconds(ci) : "");
        }
    }

    /** The unicast figure's name: each transfer of the one-after-another runs, timed alone. */
    static final String ALONE = "alone";

    public ReplayTable {
        summaries = List.copyOf(summaries);
    }

    /** Groups the rows by part and window, in the order they first appear. */
    static ReplayTable of(List<ReplayRow> rows) {
        Map<String, List<ReplayRow>> byPart = new LinkedHashMap<>();
        for (ReplayRow row : rows) {
            byPart.computeIfAbsent(row.part() + "@" + row.window(), k -> new ArrayList<>()).add(row);
        }
        List<Summary> summaries = new ArrayList<>();
        for (List<ReplayRow> group : byPart.values()) {
            ReplayRow first = group.getFirst();
            double[] seconds = group.stream().filter(ReplayRow::ok).mapToDouble(ReplayRow::seconds).toArray();
            summaries.add(summary(first.part(), first.window(), seconds, (int) group.stream().filter(r -> !r.ok()).count()));
        }
        List<ReplayRow> inTurn = rows.stream().filter(r -> r.part().equals(ReplayRow.IN_TURN)).toList();
        double[] alone = inTurn.stream().filter(ReplayRow::ok).flatMap(r -> r.transferSeconds().stream())
                .mapToDouble(Double::doubleValue).toArray();
        int window = inTurn.isEmpty() ? 0 : inTurn.getFirst().window();
        return new ReplayTable(summaries, summary(ALONE, window, alone, 0));
    }

    static Summary summary(String part, int window, double[] values, int failed) {
        double mean = PointStats.mean(values);
        double ci = values.length < 2 ? 0
                : PointStats.tQuantile(values.length - 1) * PointStats.stddev(values, mean) / Math.sqrt(values.length);
        return new Summary(part, window, values.length, failed, mean, ci);
    }

    /** The part at a window; an empty summary if it never ran. */
    Summary get(String part, int window) {
        return summaries.stream().filter(s -> s.part().equals(part) && s.window() == window).findFirst()
                .orElse(new Summary(part, window, 0, 0, 0, 0));
    }

    /** The fan-out of a part ({@link ReplayRow#PARALLEL} or {@link ReplayRow#IN_TURN}), at whichever window it ran. */
    Summary fanOut(String part) {
        return summaries.stream().filter(s -> s.part().equals(part)).findFirst().orElse(new Summary(part, 0, 0, 0, 0, 0));
    }

    /** Seconds as people read them: milliseconds below one second. */
    static String seconds(double s) {
        return s < 1 ? String.format(Locale.ROOT, "%.1f ms", s * 1e3) : String.format(Locale.ROOT, "%.2f s", s);
    }
}
