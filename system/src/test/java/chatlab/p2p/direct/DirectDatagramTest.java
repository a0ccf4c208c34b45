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
}
