package chatlab.p2p.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownloadsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "notes.txt              | notes.txt",
            "../../etc/passwd       | passwd",
            "C:\\Windows\\evil.exe  | evil.exe",
            "..                     | file",
            ".bashrc                | _bashrc",
            "résumé (final).pdf     | r_sum_ (final).pdf",
            "a/b/                   | file",
    })
    void keepsNamesFromTheNetworkInsideTheFolder(String name, String safe) {
        assertThat(Downloads.safeName(name)).isEqualTo(safe);
        assertThat(Downloads.finalPath(Path.of("/dl"), "alice", name).getParent()).isEqualTo(Path.of("/dl"));
    }

    @ParameterizedTest
    @CsvSource({"alice, notes.txt, /dl/alice_notes.txt"})
    void namesAFileAfterItsSender(String sender, String name, String expected) {
        assertThat(Downloads.finalPath(Path.of("/dl"), sender, name)).isEqualTo(Path.of(expected));
        assertThat(Downloads.partialPath(Path.of("/dl"), sender, name, 255).toString()).isEqualTo("/dl/.alice_notes.txt.ff.part");
    }
}
