package chatlab.server;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the server's own resource use as JSON lines, one per interval, for load tools to
 * chart: {@code {"t":<epoch ms>,"cpuNanos":<process CPU time>,"heapUsed":<bytes>,
 * "heapCommitted":<bytes>,"threads":<live platform threads>,"connections":<n>,"sessions":<n>}}.
 * Lines are appended, so a server restarted with the same file continues it; {@code cpuNanos}
 * then starts again from 0.
 */
final class ServerStats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStats.class);

    private final ChatServer server;
    private final BufferedWriter out;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("server-stats").factory());

    private ServerStats(ChatServer server, BufferedWriter out) {
        this.server = server;
        this.out = out;
    }

    static ServerStats start(ChatServer server, Path file, Duration every) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ServerStats stats = new ServerStats(server, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        stats.timer.scheduleAtFixedRate(stats::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return stats;
    }

    private void sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        String line = String.format(Locale.ROOT,
                "{\"t\":%d,\"cpuNanos\":%d,\"heapUsed\":%d,\"heapCommitted\":%d,\"threads\":%d,\"connections\":%d,\"sessions\":%d}",
                System.currentTimeMillis(), cpu, heap.getUsed(), heap.getCommitted(),
                ManagementFactory.getThreadMXBean().getThreadCount(), server.connectionCount(), server.sessionCount());
        try {
            synchronized (out) {
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            LOG.warn("writing server stats failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            synchronized (out) {
                out.close();
            }
        } catch (IOException e) {
            LOG.warn("closing server stats failed: {}", e.getMessage());
        }
    }
}
