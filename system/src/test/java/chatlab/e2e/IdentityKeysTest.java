package chatlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityKeysTest {
    @TempDir
    Path dir;

    @Test
    void madeOnFirstUseKeptForItsOwnerAndTheSameAfter() throws Exception {
        IdentityKeys first = IdentityKeys.loadOrCreate(dir);
        Path file = dir.resolve(IdentityKeys.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(IdentityKeys.loadOrCreate(dir).publicKey()).isEqualTo(first.publicKey());
        assertThat(first.publicKey()).hasSize(IdentityKeys.KEY_BYTES);
        assertThat(IdentityKeys.generate().publicKey()).isNotEqualTo(first.publicKey());
    }

    @Test
    void aFileThatIsNotAKeyIsAnErrorAndLeftAlone() throws Exception {
        Path file = dir.resolve(IdentityKeys.FILE_NAME);
        Files.writeString(file, "not a key\n");
        assertThatThrownBy(() -> IdentityKeys.loadOrCreate(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an identity key");
        Files.writeString(file, "AAAA\n");
        assertThatThrownBy(() -> IdentityKeys.loadOrCreate(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("3 bytes");
        assertThat(Files.readString(file)).isEqualTo("AAAA\n");
    }

    @Test
    void fingerprintsAreEightGroupsOfFourHexDigits() {
        assertThat(IdentityKeys.fingerprint(IdentityKeys.generate().publicKey())).matches("([0-9a-f]{4} ){7}[0-9a-f]{4}");
    }

    @Test
    void aPublishedKeyIsBase64OfThirtyTwoBytes() {
        IdentityKeys keys = IdentityKeys.generate();
        assertThat(IdentityKeys.decodePublicKey(keys.publicKeyBase64())).isEqualTo(keys.publicKey());
        assertThatThrownBy(() -> IdentityKeys.decodePublicKey("%%%")).hasMessageContaining("base64");
        assertThatThrownBy(() -> IdentityKeys.decodePublicKey("AAAA")).hasMessageContaining("32 bytes");
    }
}
