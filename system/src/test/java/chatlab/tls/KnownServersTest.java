package chatlab.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownServersTest {
    private static final String A = "SHA256:" + "A".repeat(43);
    private static final String B = "SHA256:" + "B".repeat(43);

    @TempDir
    Path dir;

    @Test
    void aServerIsRecordedOnFirstUseAndHeldToItsCertificate() throws Exception {
        Path file = dir.resolve("sub/known_servers");
        KnownServers known = KnownServers.in(file);
        assertThat(known.check("h:1", A)).isEqualTo(new KnownServers.Verdict.FirstUse(A));
        assertThat(known.check("h:2", B)).isEqualTo(new KnownServers.Verdict.FirstUse(B));
        assertThat(known.check("h:1", A)).isEqualTo(new KnownServers.Verdict.Known());
        assertThat(KnownServers.in(file).check("h:2", A)).isEqualTo(new KnownServers.Verdict.Changed(B, A, 2));
        assertThat(Files.readAllLines(file)).containsExactly("h:1 " + A, "h:2 " + B);
    }

    @Test
    void inMemoryTheyLastAsLongAsTheObject() {
        KnownServers known = KnownServers.inMemory();
        assertThat(known.check("h:1", A)).isInstanceOf(KnownServers.Verdict.FirstUse.class);
        assertThat(known.check("h:1", B)).isEqualTo(new KnownServers.Verdict.Changed(A, B, 0));
        assertThat(KnownServers.inMemory().check("h:1", B)).isInstanceOf(KnownServers.Verdict.FirstUse.class);
    }

    @Test
    void aFingerprintMustLookLikeOne() {
        assertThat(Fingerprint.parse(" " + A + " ")).isEqualTo(A);
        for (String bad : new String[] {"A".repeat(43), "SHA256:short", "SHA1:" + "A".repeat(43), "SHA256:" + "!".repeat(43)}) {
            assertThatThrownBy(() -> Fingerprint.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SHA256: and 43 characters of base64");
        }
    }
}
