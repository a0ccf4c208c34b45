package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.testing.ServerProcesses;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --carriers} sets the threads a server process runs its virtual threads on, and its banner says how many. */
class CarriersIT {
    @TempDir
    Path dir;

    @Test
    void theServerRunsOnTheCarriersItIsGivenAndSaysSo() throws Exception {
        try (ServerProcess one = ServerProcesses.start(dir.resolve("one.db"), "--carriers", "1")) {
            assertThat(one.carriers()).isEqualTo(1);
            assertThat(one.output()).contains("  threads   virtual, on 1 carrier thread");
        }
        try (ServerProcess three = ServerProcesses.start(dir.resolve("three.db"), "--carriers", "3")) {
            assertThat(three.carriers()).isEqualTo(3);
        }
        try (ServerProcess every = ServerProcesses.start(dir.resolve("every.db"))) {
            assertThat(every.carriers()).as("one per core by default").isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }
}
