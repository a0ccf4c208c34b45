package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console reads only in the terminal's foreground: a background server must not be stopped by a read. */
class ServerConsoleTest {
    @TempDir
    Path dir;

    @Test
    void tellsTheForegroundFromTheBackgroundByTheProcessGroups() throws Exception {
        Path foreground = Files.writeString(dir.resolve("fg"), "4242 (java) S 100 4242 100 34816 4242 4194560 1 2 3\n");
        Path background = Files.writeString(dir.resolve("bg"), "4242 (java) S 100 4242 100 34816 5000 4194560 1 2 3\n");
        Path oddName = Files.writeString(dir.resolve("odd"), "4242 (a (b) c) S 100 7 100 34816 7 4194560\n");
        assertThat(ServerConsole.inForeground(foreground)).isTrue();
        assertThat(ServerConsole.inForeground(background)).isFalse();
        assertThat(ServerConsole.inForeground(oddName)).isTrue();
        assertThat(ServerConsole.inForeground(dir.resolve("missing"))).as("no /proc: assume the foreground").isTrue();
    }

    @Test
    void aTestRunIsNotInteractive() {
        assertThat(ServerConsole.interactive()).isFalse();
    }
}
