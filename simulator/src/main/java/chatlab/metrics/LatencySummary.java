package chatlab.metrics;

import org.HdrHistogram.Histogram;

/** A latency's count and percentiles, in milliseconds. */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double max, double mean) {
    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), micros.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** The named statistic: p50, p90, p99, p999, max or mean. */
    public double stat(String name) {
        return switch (name) {
            case "p50" -> p50;
            case "p90" -> p90;
            case "p99" -> p99;
            case "p999" -> p999;
            case "max" -> max;
            default -> mean;
        };
    }
}
