package chatlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust on first use: a user's first key is taken, the same one again is quiet, another one is a warning. */
class KeyBookTest {
    @TempDir
    Path dir;

    @Test
    void firstSameAndChangedAcrossRestarts() throws Exception {
        byte[] bobsKey = IdentityKeys.generate().publicKey();
        byte[] bobsNewKey = IdentityKeys.generate().publicKey();
        KeyBook book = KeyBook.open(dir);
        assertThat(book.known("bob")).isEmpty();
        assertThat(book.see("bob", bobsKey)).isEqualTo(new KeyBook.Seen.First(IdentityKeys.fingerprint(bobsKey)));

        KeyBook reopened = KeyBook.open(dir);
        assertThat(reopened.see("bob", bobsKey)).isInstanceOf(KeyBook.Seen.Same.class);
        assertThat(reopened.see("bob", bobsNewKey)).isEqualTo(new KeyBook.Seen.Changed(
                IdentityKeys.fingerprint(bobsKey), IdentityKeys.fingerprint(bobsNewKey)));
        assertThat(KeyBook.open(dir).known("bob")).hasValueSatisfying(k -> assertThat(k).isEqualTo(bobsNewKey));
    }

    @Test
    void aDamagedFileIsAnErrorNamingItsLine() throws Exception {
        Files.writeString(dir.resolve(KeyBook.FILE_NAME), "# keys\nbob notakey\n");
        assertThatThrownBy(() -> KeyBook.open(dir)).isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }
}
