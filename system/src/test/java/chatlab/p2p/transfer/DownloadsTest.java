package chatlab.p2p.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Yoda_notes.txt     | 2 | Yoda_notes (2).txt",
            "Yoda_notes         | 3 | Yoda_notes (3)",
            "Yoda_a.tar.gz      | 2 | Yoda_a.tar (2).gz",
    })
    void numbersATakenName(String name, int n, String numbered) {
        assertThat(Downloads.numbered(name, n)).isEqualTo(numbered);
    }

    @Test
    void aSecondFileOfTheSameNameIsNumberedAndReplacesNothing(@TempDir Path dir) throws IOException {
        Path wanted = dir.resolve("Yoda_notes.txt");
        Files.writeString(wanted, "first");
        Path partial = Files.writeString(dir.resolve(".Yoda_notes.txt.1.part"), "second");
        assertThat(Downloads.claim(partial, wanted)).isEqualTo(dir.resolve("Yoda_notes (2).txt"));
        Path third = Files.writeString(dir.resolve(".Yoda_notes.txt.2.part"), "third");
        assertThat(Downloads.claim(third, wanted)).isEqualTo(dir.resolve("Yoda_notes (3).txt"));
        assertThat(Files.readString(wanted)).isEqualTo("first");
        assertThat(Files.readString(dir.resolve("Yoda_notes (2).txt"))).isEqualTo("second");
        assertThat(Files.readString(dir.resolve("Yoda_notes (3).txt"))).isEqualTo("third");
        assertThat(partial).doesNotExist();
        assertThat(third).doesNotExist();
    }

    @Test
    void aFreeNameIsTakenAsItIs(@TempDir Path dir) throws IOException {
        Path partial = Files.writeString(dir.resolve(".Yoda_notes.txt.1.part"), "only");
        assertThat(Downloads.claim(partial, dir.resolve("Yoda_notes.txt"))).isEqualTo(dir.resolve("Yoda_notes.txt"));
        assertThat(dir.resolve("Yoda_notes.txt")).hasContent("only");
    }
}
