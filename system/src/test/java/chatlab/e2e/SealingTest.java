package chatlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A sealed message opens for its recipient, from its sender, unchanged; for anyone else it is bytes. */
class SealingTest {
    private final IdentityKeys alice = IdentityKeys.generate();
    private final IdentityKeys bob = IdentityKeys.generate();
    private final IdentityKeys relay = IdentityKeys.generate();
    private final byte[] text = "meet at the library at 3".getBytes(StandardCharsets.UTF_8);
    private final byte[] aad = "alice>bob#17".getBytes(StandardCharsets.UTF_8);

    @Test
    void theRecipientOpensWhatTheSenderSealed() throws Exception {
        Sealing.Sealed sealed = Sealing.seal(text, aad, bob.publicKey(), alice);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).as("the text is not in the clear")
                .doesNotContain("library");
        assertThat(Sealing.open(sealed, aad, bob, alice.publicKey())).isEqualTo(text);
    }

    @Test
    void eachSealingIsFresh() {
        Sealing.Sealed once = Sealing.seal(text, aad, bob.publicKey(), alice);
        Sealing.Sealed twice = Sealing.seal(text, aad, bob.publicKey(), alice);
        assertThat(once).as("a new ephemeral key every time").isNotEqualTo(twice);
    }

    @Test
    void aRelayHoldingItCannotOpenIt() {
        Sealing.Sealed sealed = Sealing.seal(text, aad, bob.publicKey(), alice);
        assertThatThrownBy(() -> Sealing.open(sealed, aad, relay, alice.publicKey()))
                .isInstanceOf(Sealing.OpenException.class);
    }

    @Test
    void aMessageSealedBySomeoneElseDoesNotOpenAsTheSenders() {
        Sealing.Sealed forged = Sealing.seal(text, aad, bob.publicKey(), relay);
        assertThatThrownBy(() -> Sealing.open(forged, aad, bob, alice.publicKey()))
                .as("the relay cannot pass its own message off as alice's").isInstanceOf(Sealing.OpenException.class);
    }

    @Test
    void changedBytesOrAChangedAddressDoNotOpen() {
        Sealing.Sealed sealed = Sealing.seal(text, aad, bob.publicKey(), alice);
        byte[] flipped = sealed.ciphertext();
        flipped[3] ^= 1;
        assertThatThrownBy(() -> Sealing.open(new Sealing.Sealed(sealed.enc(), flipped), aad, bob, alice.publicKey()))
                .isInstanceOf(Sealing.OpenException.class);
        byte[] readdressed = "alice>carol#17".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Sealing.open(sealed, readdressed, bob, alice.publicKey()))
                .isInstanceOf(Sealing.OpenException.class);
    }
}
