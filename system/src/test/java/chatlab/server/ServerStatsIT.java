package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.testing.Recorder;
import chatlab.testing.ServerProcesses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --stats} writes the server's resource use as JSON lines while it runs. */
class ServerStatsIT {
    @TempDir
    Path dir;

    @Test
    void writesCpuHeapConnectionsAndSessionsEveryInterval() throws Exception {
        Path stats = dir.resolve("stats/server.jsonl");
        ObjectMapper json = new ObjectMapper();
        try (ServerProcess server = ServerProcesses.start(dir.resolve("s.db"), "--stats", stats.toString(),
                "--stats-every", "100ms");
                ChatClient client = ChatClient.connect("127.0.0.1", server.port(), ServerProcesses.clientOptions(server))) {
            ChatClient.await(client.signup("Yoda", "pw"));
            ChatClient.await(client.login("Yoda", "pw", null));
            await().atMost(Recorder.WAIT).until(() -> {
                for (String line : lines(stats)) {
                    if (json.readTree(line).get("sessions").asInt() == 1) {
                        return true;
                    }
                }
                return false;
            });
            JsonNode last = json.readTree(lines(stats).getLast());
            assertThat(last.get("connections").asInt()).isEqualTo(1);
            assertThat(last.get("heapUsed").asLong()).isPositive();
            assertThat(last.get("cpuNanos").asLong()).isPositive();
            assertThat(last.get("hiccupMs").asDouble()).as("the server measures its own stalls").isNotNegative();
            assertThat(last.has("vtHiccupMs")).isTrue();
            // the signup and the login each wrote; the commits held them
            assertThat(last.get("transactions").asLong()).as("transactions committed").isGreaterThanOrEqualTo(2);
            assertThat(last.get("commits").asLong()).isBetween(1L, last.get("transactions").asLong());
            assertThat(last.get("t").asLong()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        }
    }

    @Test
    void refusesAnUnusableStatsFile() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerProcesses.start(dir.resolve("t.db"), "--stats",
                blocker.resolve("stats.jsonl").toString())).hasMessageContaining("error: --stats:");
    }

    /** The complete lines written so far; a line still being written is left out. */
    private static List<String> lines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file);
        return text.substring(0, text.lastIndexOf('\n') + 1).lines().filter(l -> !l.isBlank()).toList();
    }
}
