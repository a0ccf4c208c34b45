package chatlab.workload;

import chatlab.p2p.impair.Units;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass mark for a run, such as {@code deliver.p99 < 500ms}, {@code errors.unexpected == 0} or
 * {@code throughput.deliveries > 100/s}. A run that misses one exits non-zero, so CI can gate on it.
 */
public record Threshold(String text, String metric, String stat, String op, double value) {
    /** Latencies, measured from the history. */
    public static final List<String> LATENCIES = List.of("login", "send", "deliver", "offline", "board", "who", "file",
            "request");
    public static final List<String> LATENCY_STATS = List.of("p50", "p90", "p99", "p999", "max", "mean");
    private static final Pattern FORM = Pattern.compile("([a-z]+)\\.([a-z0-9]+)\\s*(<=|>=|==|<|>)\\s*(\\S+)");

    /** Whether {@code actual} (ms for latencies, a count, a share from 0 to 1, or per second) passes. */
    public boolean passes(double actual) {
        return switch (op) {
            case "<" -> actual < value;
            case "<=" -> actual <= value;
            case ">" -> actual > value;
            case ">=" -> actual >= value;
            default -> actual == value;
        };
    }

    static Threshold parse(ConfigNode node) {
        String text = node.text();
        Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw node.error("expected <metric>.<stat> <op> <value>, such as 'deliver.p99 < 500ms', not '" + text + "'");
        }
        String metric = m.group(1);
        String stat = m.group(2);
        String value = m.group(4);
        try {
            double number;
            if (LATENCIES.contains(metric)) {
                require(LATENCY_STATS.contains(stat), "a latency's stats are " + String.join(", ", LATENCY_STATS));
                number = Units.duration(value).toNanos() / 1e6;
            } else if (metric.equals("errors")) {
                require(stat.equals("unexpected") || stat.equals("rate"), "the error stats are unexpected (a count) and rate (a share)");
                number = stat.equals("rate") ? share(value) : Long.parseLong(value);
            } else if (metric.equals("throughput")) {
                require(stat.equals("ops") || stat.equals("deliveries"), "the throughput stats are ops and deliveries");
                number = perSecond(value);
            } else {
                throw new IllegalArgumentException("unknown metric '" + metric + "'; the metrics are "
                        + String.join(", ", LATENCIES) + ", errors, throughput");
            }
            return new Threshold(text, metric, stat, m.group(3), number);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage() + " (in '" + text + "')");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static double share(String value) {
        return value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100 : Double.parseDouble(value);
    }

    private static double perSecond(String value) {
        String v = value.endsWith("/s") ? value.substring(0, value.length() - 2) : value;
        return Double.parseDouble(v);
    }
}
