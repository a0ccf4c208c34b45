package chatlab.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import javax.crypto.spec.SecretKeySpec;

/**
 * The datagram codec of file transfers, which reads whatever arrives on a client's UDP port.
 * Raw bytes test the checks before authentication; bodies sealed with the transfer's key test
 * what an authenticated but hostile peer can send. Either way the answer is a datagram, which
 * encodes back to itself, or a {@link BadDatagramException} with its reason.
 */
class DatagramFuzzTest {
    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[16], "AES");

    /**
     * A codec as each peer has: a fresh one per input, since the JDK's AES-GCM refuses (rightly)
     * to encrypt twice in a row under one nonce, which a real peer never does: each datagram it
     * sends has a packet number of its own.
     */
    private static DatagramCodec codec() {
        return new DatagramCodec(KEY);
    }

    @FuzzTest(maxDuration = "20s")
    void bytesFromAnyoneAreADatagramOrDropped(byte[] bytes) {
        decode(bytes);
    }

    @FuzzTest(maxDuration = "20s")
    void bodiesFromAPeerWithTheKeyAreADatagramOrDropped(FuzzedDataProvider data) {
        byte kind = data.consumeByte();
        long transferId = data.consumeLong();
        long packetNumber = data.consumeLong();
        long seq = Integer.toUnsignedLong(data.consumeInt());
        byte[] body = data.consumeRemainingAsBytes();
        decode(codec().seal(kind, transferId, packetNumber, seq, body));
    }

    private static void decode(byte[] bytes) {
        Datagram datagram;
        try {
            datagram = codec().decode(ByteBuffer.wrap(bytes));
        } catch (BadDatagramException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(datagram.transferId()).isEqualTo(ByteBuffer.wrap(bytes).getLong(4));
        try {
            assertThat(codec().decode(ByteBuffer.wrap(codec().encode(datagram, 1)))).isEqualTo(datagram);
        } catch (BadDatagramException e) {
            throw new AssertionError(datagram + " does not decode after encoding: " + e.getMessage(), e);
        }
    }
}
