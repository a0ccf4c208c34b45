package chatlab.gbn;

import chatlab.lab.TestFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Repeats the impaired points of a sweep, {@code parallel} transfers at a time across points:
 * a free slot goes to the first point, longest transfers first, that still wants a run, so no
 * slot waits for the slowest transfer of a batch. A point wants {@code minRepeats} runs, then as
 * many more as its spread says it needs to reach the precision asked (at most twice what it has,
 * and at most {@code maxRepeats}); it stops starting runs once the runs it has are precise, and is
 * done when none of its runs is still going and all of them together are precise, failed every
 * time, or reached the cap. A point thus runs as few transfers as its own spread needs, not a
 * whole batch.
 */
final class RepeatQueue {
    /** One transfer: the point, its repeat number from 1, and what it measured. */
    @FunctionalInterface
    interface Transfer {
        Measurement run(SweepPoint point, int repeat, Source source) throws IOException;
    }

    /** The file a point sends, made when its first transfer starts and dropped when it is done. */
    interface Source {
        byte[] file();

        String sha256();
    }

    /** Told the point and how many points are done, whenever a point is. */
    interface Done {
        void point(SweepPoint point, int doneSoFar, int inFlight);
    }

    /** How long the queue waits for any transfer before it gives up on the sweep. */
    private static final long PATIENCE_MINUTES = 30;

    private final SweepConfig config;
    private final ExecutorService pool;
    private final Transfer transfer;
    private final Function<SweepPoint, byte[]> files;

    RepeatQueue(SweepConfig config, ExecutorService pool, Function<SweepPoint, byte[]> files,
            Transfer transfer) {
        this.config = config;
        this.pool = pool;
        this.files = files;
        this.transfer = transfer;
    }

    private final class Point implements Source {
        final SweepPoint point;
        final int order;
        /** What one of its transfers is expected to take, by the model: the queue's order. */
        final double expectedSeconds;
        final List<Measurement> runs = new ArrayList<>();
        int started;
        int going;
        byte[] file;
        String sha;

        Point(SweepPoint point, int order) {
            this.point = point;
            this.order = order;
            this.expectedSeconds = config.expectedSeconds(point);
        }

        @Override
        public synchronized byte[] file() {
            if (file == null) {
                file = files.apply(point);
                sha = TestFiles.sha256(file);
            }
            return file;
        }

        @Override
        public synchronized String sha256() {
            file();
            return sha;
        }

        synchronized void release() {
            file = null;
            sha = null;
        }

        double[] steady() {
            return runs.stream().filter(Measurement::ok).mapToDouble(Measurement::steadyBitsPerSecond).toArray();
        }

        /** Whether the finished runs are enough to stop starting new ones. */
        boolean enough() {
            double[] steady = steady();
            return started >= config.maxRepeats()
                    || steady.length >= config.minRepeats() && PointStats.precise(steady, config.precision())
                    || steady.length == 0 && runs.size() >= config.minRepeats(); // each try failed: more would too
        }

        boolean done() {
            return going == 0 && enough();
        }

        /** How many runs the point wants started in all, from what its finished runs show. */
        int wanted() {
            if (enough()) {
                return started;
            }
            double[] steady = steady();
            if (steady.length < config.minRepeats()) {
                return config.minRepeats();
            }
            double mean = PointStats.mean(steady);
            double spread = PointStats.stddev(steady, mean) / mean;
            int estimate = (int) Math.ceil(Math.pow(2 * spread / config.precision(), 2));
            int most = Math.min(config.maxRepeats(), 2 * runs.size());
            return Math.max(runs.size() + 1, Math.min(estimate, most));
        }
    }

    private record Finished(Point point, Measurement measurement) {
    }

    /**
     * Runs every point until it is done and returns all the measurements, in the points' order
     * and by repeat within a point.
     */
    List<Measurement> run(List<SweepPoint> points, Done done) throws IOException {
        List<Point> queue = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            queue.add(new Point(points.get(i), i));
        }
        // longest transfers first, so that the last ones to finish are short
        queue.sort(Comparator.comparingDouble((Point p) -> -p.expectedSeconds));
        CompletionService<Finished> finished = new ExecutorCompletionService<>(pool);
        List<Future<Finished>> going = new ArrayList<>();
        int inFlight = 0;
        int donePoints = 0;
        try {
            while (donePoints < queue.size()) {
                inFlight += fill(queue, finished, going, inFlight);
                if (inFlight == 0) {
                    throw new IllegalStateException("no transfer is going and points are not done");
                }
                Future<Finished> next = finished.poll(PATIENCE_MINUTES, TimeUnit.MINUTES);
                if (next == null) {
                    throw new IOException("no transfer finished in " + PATIENCE_MINUTES + " minutes");
                }
                going.remove(next);
                inFlight--;
                Finished f = result(next);
                f.point.runs.add(f.measurement);
                f.point.going--;
                if (f.point.done()) {
                    f.point.release();
                    donePoints++;
                    done.point(f.point.point, donePoints, inFlight);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            going.forEach(f -> f.cancel(true));
        }
        queue.sort(Comparator.comparingInt(p -> p.order));
        List<Measurement> all = new ArrayList<>();
        for (Point p : queue) {
            p.runs.stream().sorted(Comparator.comparingInt(Measurement::repeat)).forEach(all::add);
        }
        return all;
    }

    /** Starts transfers into the free slots; returns how many it started. */
    private int fill(List<Point> queue, CompletionService<Finished> finished, List<Future<Finished>> going,
            int inFlight) {
        int startedNow = 0;
        for (Point p : queue) {
            while (inFlight + startedNow < config.parallel() && !p.done() && p.started < p.wanted()) {
                int repeat = ++p.started;
                p.going++;
                going.add(finished.submit(() -> new Finished(p, transfer.run(p.point, repeat, p))));
                startedNow++;
            }
            if (inFlight + startedNow >= config.parallel()) {
                break;
            }
        }
        return startedNow;
    }

    private static Finished result(Future<Finished> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
