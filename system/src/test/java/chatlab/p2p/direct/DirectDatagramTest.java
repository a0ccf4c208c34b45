package chatlab.p2p.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DirectDatagramTest {
    private final DirectDatagram message = new DirectDatagram(DirectDatagram.Kind.MESSAGE, -42L, "alice", "bøb",
            new byte[DirectDatagram.ENC_BYTES], new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});

    @Test
    void roundTripsAndIsRecognised() throws Exception {
        byte[] bytes = message.encode();
        assertThat(DirectDatagram.isDirect(ByteBuffer.wrap(bytes))).isTrue();
        assertThat(DirectDatagram.decode(ByteBuffer.wrap(bytes))).isEqualTo(message);
        assertThat(bytes).startsWith(message.header());
    }

    @Test
    void refusesWhatIsNotOneWithAReason() {
        byte[] bytes = message.encode();
        assertThatThrownBy(() -> DirectDatagram.decode(ByteBuffer.wrap(Arrays.copyOf(bytes, 20))))
                .isInstanceOf(DirectDatagram.MalformedException.class).hasMessageContaining("cut short");
        byte[] kind = bytes.clone();
        kind[3] = 9;
        assertThatThrownBy(() -> DirectDatagram.decode(ByteBuffer.wrap(kind))).hasMessageContaining("kind 9");
        byte[] version = bytes.clone();
        version[2] = 2;
        assertThatThrownBy(() -> DirectDatagram.decode(ByteBuffer.wrap(version))).hasMessageContaining("version 2");
        byte[] other = bytes.clone();
        other[1] = 'L'; // a file transfer's magic, "CL"
        assertThat(DirectDatagram.isDirect(ByteBuffer.wrap(other))).isFalse();
        assertThatThrownBy(() -> DirectDatagram.decode(ByteBuffer.wrap(other))).hasMessageContaining("not a direct message");
    }

    @Test
    void aFetchOrDoneIsAHeaderAloneAndRefusedWithABody() throws Exception {
        DirectDatagram fetch = DirectDatagram.bare(DirectDatagram.Kind.FETCH, 0, "erin", "bob");
        byte[] bytes = fetch.encode();
        assertThat(bytes).isEqualTo(fetch.header());
        assertThat(DirectDatagram.decode(ByteBuffer.wrap(bytes))).isEqualTo(fetch);
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> DirectDatagram.decode(ByteBuffer.wrap(longer)))
                .hasMessageContaining("a FETCH with 3 bytes after its header");
        assertThatThrownBy(() -> DirectDatagram.bare(DirectDatagram.Kind.DEPOSIT, 1, "alice", "bob"))
                .isInstanceOf(IllegalArgumentException.class);
        DirectDatagram done = DirectDatagram.bare(DirectDatagram.Kind.DONE, 7, "alice", "erin");
        assertThat(DirectDatagram.decode(ByteBuffer.wrap(done.encode()))).isEqualTo(done);
    }

    @Test
    void aSealedKindOpensOnlyForItsRecipientFromItsSender(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var alice = chatlab.e2e.IdentityKeys.loadOrCreate(dir.resolve("alice"));
        var bob = chatlab.e2e.IdentityKeys.loadOrCreate(dir.resolve("bob"));
        var mallory = chatlab.e2e.IdentityKeys.loadOrCreate(dir.resolve("mallory"));
        DirectDatagram deposit = DirectDatagram.seal(DirectDatagram.Kind.DEPOSIT, 5, "alice", "bob", new byte[] {1, 2, 3},
                bob.publicKey(), alice);
        DirectDatagram decoded = DirectDatagram.decode(ByteBuffer.wrap(deposit.encode()));
        assertThat(decoded.open(bob, alice.publicKey())).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> decoded.open(bob, mallory.publicKey())).isInstanceOf(chatlab.e2e.Sealing.OpenException.class);
        // the header is bound to the body: the same body under another kind does not open
        DirectDatagram relabelled = new DirectDatagram(DirectDatagram.Kind.MESSAGE, 5, "alice", "bob", decoded.enc(),
                decoded.sealed());
        assertThatThrownBy(() -> relabelled.open(bob, alice.publicKey())).isInstanceOf(chatlab.e2e.Sealing.OpenException.class);
    }
}
