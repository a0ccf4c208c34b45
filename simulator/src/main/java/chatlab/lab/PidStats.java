package chatlab.lab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Another program's resource use, seen from outside, as JSON lines in the format of the lab's
 * own stats files: {@code {"t":<epoch ms>,"cpuNanos":<its CPU time>,"rssBytes":<resident memory>}}
 * once per interval, for a server the lab started that writes no stats of its own (a peer
 * server). The process is named by a supplier of its pid, so a restarted one is followed; its CPU
 * then counts from 0 again, as the readers expect. CPU comes from the JDK's process handle, the
 * resident memory from {@code /proc/<pid>/status} (absent where there is none).
 */
public final class PidStats implements AutoCloseable {
    private final BufferedWriter out;
    private final LongSupplier pid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pid-stats").factory());

    private PidStats(BufferedWriter out, LongSupplier pid) {
        this.out = out;
        this.pid = pid;
    }

    /** Starts appending to {@code file} every {@code every}. */
    public static PidStats start(Path file, LongSupplier pid, Duration every) throws IOException {
        PidStats stats = new PidStats(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), pid);
        stats.timer.scheduleAtFixedRate(stats::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return stats;
    }

    void sample() {
        long id = pid.getAsLong();
        long cpu = ProcessHandle.of(id).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
        if (cpu < 0) {
            return; // gone (killed, between restarts): no line rather than a wrong one
        }
        long rss = chatlab.stats.ProcessStats.residentBytes(id);
        String line = "{\"t\":" + System.currentTimeMillis() + ",\"cpuNanos\":" + cpu
                + (rss < 0 ? "" : ",\"rssBytes\":" + rss) + "}";
        try {
            synchronized (out) {
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            // the run goes on without this line
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            synchronized (out) {
                out.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // nothing more to write
        }
    }
}
