package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("credentials.txt"), content);
    }

    @Test
    void readsTheSeedFormat() throws Exception {
        var credentials = CredentialsFile.read(file("Yoda wise@!man\r\nHans falcon*solo\n\n+61410666666 kara1234\n"));
        assertThat(credentials).extracting(CredentialsFile.Credential::user)
                .containsExactly("Yoda", "Hans", "+61410666666");
        assertThat(credentials.get(1).password()).isEqualTo("falcon*solo");
        assertThat(credentials.get(2).line()).isEqualTo(4);
        assertThat(credentials.toString()).doesNotContain("kara1234");
    }

    @Test
    void reportsEveryBadLineByNumber() throws Exception {
        Path path = file("Yoda wise@!man\nnospace\n bad\nHans  two\nbad;name pw\nYoda again\n");
        assertThatThrownBy(() -> CredentialsFile.read(path))
                .isInstanceOfSatisfying(CredentialsFile.InvalidException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "line 2: expected 'username password' separated by one space",
                            "line 3: the line starts with a space; expected 'username password'",
                            "line 4: more than one space between username and password",
                            "line 5: invalid username 'bad;name': use " + chatlab.protocol.Usernames.RULE,
                            "line 6: user 'Yoda' is already defined on line 1");
                    assertThat(e.getMessage()).contains("5 bad lines");
                });
    }

    @Test
    void saysWhenTheFileIsMissing() {
        assertThatThrownBy(() -> CredentialsFile.read(dir.resolve("nope.txt")))
                .isInstanceOf(CredentialsFile.InvalidException.class)
                .hasMessageContaining("credentials file not found");
    }

    @Test
    void saysWhenTheFileIsNotText() throws IOException {
        Path binary = Files.write(dir.resolve("bin"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
        assertThatThrownBy(() -> CredentialsFile.read(binary)).hasMessageContaining("not a UTF-8 text file");
    }
}
