package chatlab.gbn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the repeats of one point measured, with a 95% confidence interval (Student's t), beside
 * what the models predict for it from the configuration alone.
 *
 * @param meanBps the mean steady-state goodput
 * @param ciBps the half-width of its 95% confidence interval
 * @param capped whether the point stopped at the repeat cap with its interval still wider than the precision asked
 * @param wholeBps the mean goodput over the whole data phase, start-up included
 * @param startupMs what the data phase took beyond the steady rate, on average
 * @param handshakeMs the opening exchange, on average
 * @param meanLossEvents timeouts per transfer (each loss event ends in one: there is no fast retransmit)
 * @param realisedLoss the share of the sender's datagrams the link lost
 * @param model the closed form's prediction ({@link GbnModel#predict}); null on clean points
 * @param twinBps the ideal-link twin's mean steady goodput ({@link IdealTwin}); 0 on clean points
 * @param stallingsBps Stallings' form at the configured loss, for Go-Back-N; 0 otherwise
 */
public record PointStats(SweepPoint point, int n, int failed, long frames, double meanBps, double ciBps, boolean capped,
        double wholeBps, double startupMs, double handshakeMs, double meanTimeoutMs, double meanRetransmissions,
        double meanLossEvents, double realisedLoss, GbnModel.Prediction model, double twinBps, double stallingsBps) {

    /** Measured over the closed form; 0 where there is none. */
    public double ratio() {
        return model == null || model.goodputBps() == 0 ? 0 : meanBps / model.goodputBps();
    }

    /** Measured over the ideal-link twin; 0 where there is none. */
    public double twinRatio() {
        return twinBps == 0 ? 0 : meanBps / twinBps;
    }

    /** The confidence interval's half-width as a share of the mean. */
    public double relativeCi() {
        return meanBps == 0 ? 0 : ciBps / meanBps;
    }

    /** Groups measurements by point, in the order the points first appear, and sets the models beside them. */
    public static List<PointStats> of(List<Measurement> measurements, SweepConfig config) {
        Map<SweepPoint, List<Measurement>> byPoint = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byPoint.computeIfAbsent(m.point(), k -> new ArrayList<>()).add(m);
        }
        List<Map.Entry<SweepPoint, List<Measurement>>> entries = new ArrayList<>(byPoint.entrySet());
        // the twins are pure computation, independent per point: both cores may share them
        return entries.parallelStream().map(e -> summarise(e.getKey(), e.getValue(), config)).toList();
    }

    private static PointStats summarise(SweepPoint point, List<Measurement> runs, SweepConfig config) {
        List<Measurement> ok = runs.stream().filter(Measurement::ok).toList();
        double[] goodputs = ok.stream().mapToDouble(m -> point.clean() ? m.goodputBitsPerSecond() : m.steadyBitsPerSecond())
                .toArray();
        double mean = mean(goodputs);
        double ci = halfWidth(goodputs);
        boolean capped = !point.clean() && ok.size() >= config.maxRepeats() && mean > 0 && !precise(goodputs, config.precision());
        double timeout = ok.stream().filter(m -> m.timeouts() > 0).mapToDouble(Measurement::meanTimeoutMs).average().orElse(0);
        long offered = ok.stream().mapToLong(Measurement::offeredDatagrams).sum();
        long lost = ok.stream().mapToLong(Measurement::lostDatagrams).sum();
        long frames = ok.stream().mapToLong(Measurement::frames).max().orElse(0);
        GbnModel.Prediction model = null;
        double twin = 0;
        double stallings = 0;
        if (!point.clean()) {
            GbnModel.Link link = config.link(point);
            model = config.predict(point);
            twin = IdealTwin.expected(point, Math.max(frames, 1), config);
            stallings = point.goBackN() ? GbnModel.goodput(GbnModel.stallingsUtilization(point.window(), point.loss(), link), link) : 0;
        }
        return new PointStats(point, ok.size(), runs.size() - ok.size(), frames, mean, ci, capped,
                ok.stream().mapToDouble(Measurement::goodputBitsPerSecond).average().orElse(0),
                ok.stream().mapToLong(Measurement::startupNanos).average().orElse(0) / 1e6,
                ok.stream().mapToLong(Measurement::handshakeNanos).average().orElse(0) / 1e6, timeout,
                ok.stream().mapToLong(Measurement::retransmissions).average().orElse(0),
                ok.stream().mapToLong(Measurement::timeouts).average().orElse(0), offered == 0 ? 0 : (double) lost / offered,
                model, twin, stallings);
    }

    /** Whether the 95% confidence interval of the values' mean is within ± {@code precision} of it. */
    static boolean precise(double[] values, double precision) {
        double mean = mean(values);
        return mean > 0 && halfWidth(values) <= precision * mean;
    }

    /** The half-width of the 95% confidence interval of the mean; 0 with fewer than two values. */
    static double halfWidth(double[] values) {
        return values.length < 2 ? 0 : tQuantile(values.length - 1) * stddev(values, mean(values)) / Math.sqrt(values.length);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** The median; 0 with no values. */
    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double stddev(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return values.length < 2 ? 0 : Math.sqrt(sum / (values.length - 1));
    }

    /** The 97.5% quantile of Student's t with {@code df} degrees of freedom. */
    static double tQuantile(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
            2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086};
        if (df < 1) {
            return Double.NaN;
        }
        return df <= table.length ? table[df - 1] : df <= 30 ? 2.042 : 1.960;
    }
}
