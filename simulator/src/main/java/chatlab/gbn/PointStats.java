package chatlab.gbn;

import chatlab.p2p.arq.Strategy;
import chatlab.p2p.wire.DatagramCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the repeats of one point measured, with a 95% confidence interval (Student's t), beside
 * what the models predict for it.
 */
public record PointStats(SweepPoint point, int n, int failed, double meanBps, double ciBps, double meanTimeoutMs,
        double meanRetransmissions, double meanLossEvents, double timeoutModelBps, double expectedModelBps,
        double stallingsBps) {

    /** Measured over the timeout-driven model at the runs' own loss events; 0 where there is none. */
    public double ratio() {
        return timeoutModelBps == 0 ? 0 : meanBps / timeoutModelBps;
    }

    /** Groups measurements by point, in the order the points first appear. */
    public static List<PointStats> of(List<Measurement> measurements, long fileBytes, int chunkBytes, long rateBps) {
        Map<SweepPoint, List<Measurement>> byPoint = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byPoint.computeIfAbsent(m.point(), k -> new ArrayList<>()).add(m);
        }
        List<PointStats> stats = new ArrayList<>();
        byPoint.forEach((point, runs) -> stats.add(summarise(point, runs, fileBytes, chunkBytes, rateBps)));
        return stats;
    }

    private static PointStats summarise(SweepPoint point, List<Measurement> runs, long fileBytes, int chunkBytes,
            long rateBps) {
        List<Measurement> ok = runs.stream().filter(Measurement::ok).toList();
        double[] goodputs = ok.stream().mapToDouble(Measurement::goodputBitsPerSecond).toArray();
        double mean = mean(goodputs);
        double ci = goodputs.length < 2 ? 0 : tQuantile(goodputs.length - 1) * stddev(goodputs, mean) / Math.sqrt(goodputs.length);
        double timeout = ok.stream().filter(m -> m.timeouts() > 0).mapToDouble(Measurement::meanTimeoutMs).average().orElse(0);
        double retransmissions = ok.stream().mapToLong(Measurement::retransmissions).average().orElse(0);
        double model = 0;
        double expected = 0;
        double stallings = 0;
        double events = ok.stream().mapToLong(Measurement::timeouts).average().orElse(0);
        if (!point.clean() && point.strategy() != Strategy.SELECTIVE_REPEAT) {
            double minRtt = ok.stream().filter(m -> m.minRttMs() > 0).mapToDouble(Measurement::minRttMs).min().orElse(0);
            GbnModel.Link link = new GbnModel.Link(rateBps, chunkBytes, chunkBytes + DatagramCodec.OVERHEAD,
                    point.delayMs() / 1e3, minRtt / 1e3);
            long frames = (fileBytes + chunkBytes - 1) / chunkBytes;
            // Each run's model takes that run's own loss events (its timeouts) and its own timer.
            model = ok.stream().mapToDouble(m -> GbnModel.goodput(fileBytes, GbnModel.secondsWithLossEvents(frames,
                    point.window(), m.timeouts(), m.meanTimeoutMs() / 1e3, link))).average().orElse(0);
            expected = GbnModel.goodput(fileBytes, GbnModel.timeoutDrivenSeconds(frames, point.window(), point.loss(),
                    timeout / 1e3, link));
            stallings = GbnModel.goodput(GbnModel.stallingsUtilization(point.window(), point.loss(), link), link);
        }
        return new PointStats(point, ok.size(), runs.size() - ok.size(), mean, ci, timeout, retransmissions, events,
                model, expected, stallings);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
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
