package chatlab.stats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a process's own resource use as JSON lines, one per interval, for load tools to chart:
 * {@code {"t":<epoch ms>,"cpuNanos":<process CPU time>,"heapUsed":<bytes>,"heapCommitted":<bytes>,
 * "threads":<live platform threads>,"hiccupMs":<longest stall of a platform thread>,
 * "vtHiccupMs":<longest stall of a virtual thread>,"rssBytes":<resident memory, where /proc says>, ...}}
 * and the caller's own counts. Lines
 * are appended, so a process restarted with the same file continues it; {@code cpuNanos} then
 * starts again from 0. The counts must be cheap and take no lock another thread may hold for
 * long: a sampler that waits is a sampler that lies.
 */
public final class ProcessStats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessStats.class);

    private final BufferedWriter out;
    private final Supplier<Map<String, Long>> counts;
    private final HiccupMeter platform = HiccupMeter.onPlatformThread();
    private final HiccupMeter virtual = HiccupMeter.onVirtualThread();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("process-stats").factory());

    private ProcessStats(BufferedWriter out, Supplier<Map<String, Long>> counts) {
        this.out = out;
        this.counts = counts;
    }

    /** Starts writing to {@code file} every {@code every}, with the counts {@code counts} gives at each line. */
    public static ProcessStats start(Path file, Duration every, Supplier<Map<String, Long>> counts) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ProcessStats stats = new ProcessStats(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), counts);
        stats.timer.scheduleAtFixedRate(stats::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return stats;
    }

    private void sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "{\"t\":%d,\"cpuNanos\":%d,\"heapUsed\":%d,\"heapCommitted\":%d,\"threads\":%d,\"hiccupMs\":%.1f,"
                        + "\"vtHiccupMs\":%.1f", System.currentTimeMillis(), cpu, heap.getUsed(), heap.getCommitted(),
                ManagementFactory.getThreadMXBean().getThreadCount(), maxMillis(platform.interval()),
                maxMillis(virtual.interval())));
        long rss = residentBytes(ProcessHandle.current().pid());
        if (rss >= 0) {
            line.append(",\"rssBytes\":").append(rss);
        }
        counts.get().forEach((name, value) -> line.append(",\"").append(name).append("\":").append(value));
        line.append('}');
        try {
            synchronized (out) {
                out.write(line.toString());
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            LOG.warn("writing process stats failed: {}", e.getMessage());
        }
    }

    /** The resident memory (VmRSS) of process {@code pid} in bytes, or -1 where /proc does not say. */
    public static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc here, or the process is gone
        }
        return -1;
    }

    private static double maxMillis(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1e6;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        platform.close();
        virtual.close();
        try {
            synchronized (out) {
                out.close();
            }
        } catch (IOException e) {
            LOG.warn("closing process stats failed: {}", e.getMessage());
        }
    }
}
