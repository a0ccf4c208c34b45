package chatlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidStatsTest {
    @TempDir
    Path dir;

    @Test
    void aProcessSeenFromOutsideGivesItsCpuAndResidentMemoryEachInterval() throws Exception {
        Path file = dir.resolve("server-stats.jsonl");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (PidStats stats = PidStats.start(file, () -> ProcessHandle.current().pid(), Duration.ofMillis(20))) {
            while (System.nanoTime() < deadline && (!Files.exists(file) || Files.readAllLines(file).size() < 3)) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        JsonNode first = Json.mapper().readTree(lines.getFirst());
        JsonNode last = Json.mapper().readTree(lines.getLast());
        assertThat(last.get("t").asLong()).isGreaterThanOrEqualTo(first.get("t").asLong());
        assertThat(last.get("cpuNanos").asLong()).isGreaterThanOrEqualTo(first.get("cpuNanos").asLong()).isPositive();
        if (Files.exists(Path.of("/proc/self/status"))) {
            assertThat(last.get("rssBytes").asLong()).isGreaterThan(1 << 20);
        }
    }

    @Test
    void aProcessThatIsGoneWritesNoLine() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path file = dir.resolve("gone.jsonl");
        try (PidStats stats = PidStats.start(file, ended::pid, Duration.ofHours(1))) {
            stats.sample();
            stats.sample();
        }
        assertThat(Files.readAllLines(file)).isEmpty();
    }
}
