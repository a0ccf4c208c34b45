package chatlab.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the lab finds ejabberd's Erlang applications on a Debian machine of any architecture. */
class EjabberdTest {
    @TempDir
    Path lib;

    @Test
    void theMultiarchFolderHoldingEjabberdIsChosenWhateverTheMachine() throws Exception {
        Files.createDirectories(lib.resolve("aarch64-linux-gnu").resolve("ejabberd-23.01"));
        Files.createDirectories(lib.resolve("aarch64-linux-gnu").resolve("fast_xml-1.1.49"));
        Files.createDirectories(lib.resolve("jvm").resolve("temurin-25"));
        assertThat(Ejabberd.libs(lib)).isEqualTo(lib.resolve("aarch64-linux-gnu").toString());
    }

    @Test
    void withoutEjabberdTheAmd64FolderIsGiven() {
        assertThat(Ejabberd.libs(lib)).isEqualTo(lib.resolve("x86_64-linux-gnu").toString());
        assertThat(Ejabberd.libs(lib.resolve("missing"))).isEqualTo(lib.resolve("missing").resolve("x86_64-linux-gnu").toString());
    }
}
