package chatlab.metrics;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.HdrHistogram.Histogram;

/**
 * Measures a run from its history alone: latencies (request to response for each kind of
 * operation, login from when an open session was due, and send to delivery), throughput, users
 * online and errors, over the whole run and second by second. {@code file} is a whole
 * peer-to-peer transfer, from asking the server for the route to the receiver's verdict;
 * {@code dm} a direct message, from sending it to its receipt, or to the relays' answers.
 */
public final class Measurements {
    /**
     * The latencies measured, as named in thresholds and reports: {@code deliver} is send to
     * delivery for recipients online when the message was sent, {@code offline} for those who
     * got it when they next logged in.
     */
    public static final List<String> METRICS = List.of("login", "send", "deliver", "offline", "board", "who", "file",
            "dm", "request");

    private final Map<String, LatencyRecorder> latency = new LinkedHashMap<>();
    private final Series series;
    private final Results.Throughput throughput;
    private final Results.Errors errors;

    private Measurements(Map<String, LatencyRecorder> latency, Series series, Results.Throughput throughput,
            Results.Errors errors) {
        this.latency.putAll(latency);
        this.series = series;
        this.throughput = throughput;
        this.errors = errors;
    }

    /**
     * Measures {@code history} (in index order). Times are on the run's clock: the load ran from
     * {@code loadStart} to {@code loadEnd}, and the run ended at {@code end}, in microseconds.
     * The whole-run latencies and throughput count only what began from {@code measureFrom} on
     * (the end of the warm-up, or {@code loadStart}); the second-by-second series show it all.
     * {@code expected} says which failures are the workload's nature, given the failed completion and its code.
     */
    public static Measurements of(List<Event> history, long loadStart, long measureFrom, long loadEnd, long end,
            BiPredicate<Event, String> expected) {
        if (measureFrom < loadStart || measureFrom >= loadEnd) {
            throw new IllegalArgumentException("measureFrom must lie within the load");
        }
        Map<String, LatencyRecorder> latency = new LinkedHashMap<>();
        METRICS.forEach(m -> latency.put(m, new LatencyRecorder()));
        int seconds = (int) Math.max(1, Math.ceil((end - loadStart) / 1e6));
        long[] ok = new long[seconds];
        long[] failed = new long[seconds];
        long[] inDoubt = new long[seconds];
        long[] deliveries = new long[seconds];
        long[] online = new long[seconds];
        Map<String, Event> open = new HashMap<>();
        Map<String, Long> sentAt = new HashMap<>();
        Map<String, java.util.TreeMap<Long, Boolean>> presence = new HashMap<>();
        Set<String> onlineUsers = new HashSet<>();
        Map<String, Long> byCode = new TreeMap<>();
        Map<Integer, Double> faultStart = new HashMap<>();
        Map<Integer, Double> faultLate = new HashMap<>();
        List<String> faultErrors = new ArrayList<>();
        List<Series.FaultSpan> faults = new ArrayList<>();
        long unexpected = 0;
        long completed = 0;
        long peak = 0;
        long loadOps = 0;
        long loadDeliveries = 0;
        int filled = -1;
        for (Event e : history) {
            int second = (int) Math.floorDiv(e.t() - loadStart, 1_000_000L);
            // users online at the end of each second that ended before this event
            while (filled < Math.min(second, seconds) - 1) {
                filled++;
                if (filled >= 0) {
                    online[filled] = onlineUsers.size();
                }
            }
            boolean inRange = second >= 0 && second < seconds;
            boolean measured = e.t() >= measureFrom && e.t() <= loadEnd;
            if (e.type() == Type.INVOKE) {
                open.put(e.p(), e);
                if (e.is(Op.SEND) && e.chat() != null) {
                    sentAt.put(e.chat().tok(), e.t());
                }
                if (e.is(Op.LOGOUT)) {
                    onlineUsers.remove(e.u());
                    presence.computeIfAbsent(e.u(), u -> new java.util.TreeMap<>()).put(e.t(), false);
                }
                continue;
            }
            if (e.type().completion()) {
                Event invoke = open.remove(e.p());
                completed++;
                if (e.type() == Type.OK) {
                    if (inRange) {
                        ok[second]++;
                    }
                    loadOps += measured ? 1 : 0;
                    if (invoke != null) {
                        // latencies go to the second the operation was due to begin, as Jepsen plots them
                        long from = invoke.due() != null ? invoke.due() : invoke.t();
                        int began = (int) Math.floorDiv(from - loadStart, 1_000_000L);
                        if (began >= 0 && from <= loadEnd) { // the load's operations, not the drain's or the logouts after
                            long micros = e.t() - from;
                            boolean counts = from >= measureFrom;
                            latency.get("request").record(began, micros, counts);
                            String metric = metric(e);
                            if (metric != null) {
                                latency.get(metric).record(began, micros, counts);
                            }
                        }
                    }
                    if ((e.is(Op.LOGIN) && e.right() == null) || e.is(Op.RECONNECT)) {
                        onlineUsers.add(e.u());
                        presence.computeIfAbsent(e.u(), u -> new java.util.TreeMap<>()).put(e.t(), true);
                    }
                } else {
                    String code = e.failure() == null ? "none" : e.failure().code();
                    byCode.merge(code, 1L, Long::sum);
                    if (e.type() == Type.INFO) {
                        if (inRange) {
                            inDoubt[second]++;
                        }
                    } else {
                        if (inRange) {
                            failed[second]++;
                        }
                        if (!expected.test(e, code)) {
                            unexpected++;
                        }
                    }
                }
                peak = Math.max(peak, onlineUsers.size());
                continue;
            }
            switch (e.f()) {
                case DELIVER -> {
                    if (inRange) {
                        deliveries[second]++;
                    }
                    loadDeliveries += measured ? 1 : 0;
                    Long sent = sentAt.get(e.delivery().tok());
                    int began = sent == null ? -1 : (int) Math.floorDiv(sent - loadStart, 1_000_000L);
                    if (began >= 0) {
                        var states = presence.get(e.u());
                        var before = states == null ? null : states.floorEntry(sent);
                        boolean wasOnline = before != null && before.getValue();
                        latency.get(wasOnline ? "deliver" : "offline").record(began, e.t() - sent, sent >= measureFrom);
                    }
                }
                case LOST -> {
                    onlineUsers.remove(e.u());
                    presence.computeIfAbsent(e.u(), u -> new java.util.TreeMap<>()).put(e.t(), false);
                }
                case FAULT -> {
                    double at = (e.t() - loadStart) / 1e6;
                    double late = e.fault().lateMs() == null ? 0 : e.fault().lateMs() / 1000.0;
                    if (e.fault().phase().equals("error")) {
                        faultErrors.add(String.format(java.util.Locale.ROOT, "at %.1f s: %s", at, e.fault().description()));
                    } else if (e.fault().phase().equals("start")) {
                        faultStart.put(e.fault().id(), at);
                        faultLate.put(e.fault().id(), late);
                    } else {
                        Double start = faultStart.remove(e.fault().id());
                        faults.add(new Series.FaultSpan(e.fault().id(), e.fault().kind(), e.fault().description(),
                                start == null ? 0 : start, at, Math.max(late, faultLate.getOrDefault(e.fault().id(), 0.0))));
                    }
                }
                default -> { }
            }
        }
        while (filled < seconds - 1) {
            filled++;
            if (filled >= 0) {
                online[filled] = onlineUsers.size();
            }
        }
        faultStart.forEach((id, start) -> faults.add(new Series.FaultSpan(id, "?", "fault " + id, start, seconds)));
        faults.sort(java.util.Comparator.comparingDouble(Series.FaultSpan::start));
        Map<String, double[]> p50 = new LinkedHashMap<>();
        Map<String, double[]> p99 = new LinkedHashMap<>();
        Map<String, double[]> max = new LinkedHashMap<>();
        latency.forEach((name, recorder) -> {
            double[] a = nan(seconds);
            double[] b = nan(seconds);
            double[] c = nan(seconds);
            recorder.perSecond().forEach((s, h) -> {
                if (s >= 0 && s < seconds) {
                    a[s.intValue()] = h.getValueAtPercentile(50) / 1000.0;
                    b[s.intValue()] = h.getValueAtPercentile(99) / 1000.0;
                    c[s.intValue()] = h.getMaxValue() / 1000.0;
                }
            });
            p50.put(name, a);
            p99.put(name, b);
            max.put(name, c);
        });
        double loadSeconds = Math.max(1e-6, (loadEnd - measureFrom) / 1e6);
        Series series = new Series(seconds, ok, failed, inDoubt, deliveries, online, p50, p99, max, faults,
                (loadEnd - loadStart) / 1e6, (measureFrom - loadStart) / 1e6, faultErrors);
        Results.Throughput throughput = new Results.Throughput(loadSeconds, loadOps, loadDeliveries, loadOps / loadSeconds,
                loadDeliveries / loadSeconds, peak);
        Results.Errors errors = new Results.Errors(java.util.Arrays.stream(failed).sum(), unexpected,
                java.util.Arrays.stream(inDoubt).sum(), completed == 0 ? 0 : (double) unexpected / completed, byCode);
        return new Measurements(latency, series, throughput, errors);
    }

    /** The latency an operation counts under: its kind's, but none for an attacker's login. */
    private static String metric(Event e) {
        return e.is(Op.LOGIN) && e.right() != null ? null : e.f().metric();
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    public Series series() {
        return series;
    }

    public Results.Throughput throughput() {
        return throughput;
    }

    public Results.Errors errors() {
        return errors;
    }

    /** The whole run's summary of each latency. */
    public Map<String, LatencySummary> summaries() {
        Map<String, LatencySummary> out = new LinkedHashMap<>();
        latency.forEach((name, recorder) -> out.put(name, LatencySummary.of(recorder.total())));
        return out;
    }

    /** The whole run's histogram of a latency, in microseconds. */
    public Histogram histogram(String metric) {
        return latency.get(metric).total();
    }

    /** Writes one HdrHistogram interval log per latency into {@code dir}. */
    public void writeLogs(Path dir, long loadStartEpochMillis) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, LatencyRecorder> e : latency.entrySet()) {
            e.getValue().writeLog(dir.resolve(e.getKey() + ".hlog"), loadStartEpochMillis, e.getKey());
        }
    }
}
