package chatlab.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.p2p.arq.Strategy;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class DatagramCodecTest {
    private final SecretKey key = TransferKeys.fresh();
    private final DatagramCodec codec = new DatagramCodec(key);

    private static final List<Datagram> ALL = List.of(
            new Datagram.Syn(7, 4_294_967_290L, Strategy.SELECTIVE_REPEAT, 32, 1024, 1000, 1_000_000),
            new Datagram.SynAck(7),
            new Datagram.Data(7, 4_294_967_295L, new byte[] {1, 2, 3}),
            new Datagram.Data(7, 0, new byte[0]),
            new Datagram.Ack(7, 12, -1),
            new Datagram.Ack(7, 12, 4_294_967_295L),
            new Datagram.Ack(7, 12, 3, 41),
            new Datagram.Ack(7, 12, -1, Long.MAX_VALUE),
            new Datagram.Fin(7, 99),
            new Datagram.FinAck(7, Datagram.FinStatus.HASH_MISMATCH),
            new Datagram.Abort(7, true, "the user cancelled ✓"),
            new Datagram.Abort(7, false, "disk full"));

    private Datagram decode(byte[] bytes) throws BadDatagramException {
        return codec.decode(ByteBuffer.wrap(bytes));
    }

    private static BadDatagramException.Reason reasonOf(ThrowingDecode decode) {
        try {
            decode.run();
            throw new AssertionError("the datagram should have been dropped");
        } catch (BadDatagramException e) {
            return e.reason();
        }
    }

    private interface ThrowingDecode {
        void run() throws BadDatagramException;
    }

    @Test
    void everyKindRoundTrips() throws BadDatagramException {
        long packet = 0;
        for (Datagram d : ALL) {
            byte[] bytes = codec.encode(d, packet++);
            assertThat(DatagramCodec.peekTransferId(ByteBuffer.wrap(bytes))).isEqualTo(7);
            assertThat(decode(bytes)).isEqualTo(d);
        }
    }

    @Test
    void theOverheadIs46Bytes() {
        assertThat(codec.encode(new Datagram.Data(1, 0, new byte[1000]), 0)).hasSize(1046);
    }

    @Test
    void aRetransmissionUnderANewPacketNumberLooksDifferent() {
        Datagram d = new Datagram.Data(1, 5, new byte[] {9, 9, 9});
        assertThat(codec.encode(d, 1)).isNotEqualTo(codec.encode(d, 2));
    }

    @Test
    void dropsACorruptedDatagramByItsChecksum() {
        byte[] bytes = codec.encode(new Datagram.Data(1, 5, new byte[64]), 0);
        for (int bit = 0; bit < bytes.length * 8; bit += 37) {
            byte[] copy = bytes.clone();
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(reasonOf(() -> decode(copy))).as("bit %d flipped", bit).isIn(
                    BadDatagramException.Reason.BAD_CHECKSUM, BadDatagramException.Reason.BAD_MAGIC,
                    BadDatagramException.Reason.BAD_VERSION, BadDatagramException.Reason.BAD_LENGTH);
        }
    }

    @Test
    void dropsATamperedDatagramEvenWithAFixedChecksum() {
        byte[] bytes = codec.encode(new Datagram.Data(1, 5, "pay alice".getBytes()), 0);
        bytes[DatagramCodec.HEADER_BYTES] ^= 1;
        fixChecksum(bytes);
        assertThat(reasonOf(() -> decode(bytes))).isEqualTo(BadDatagramException.Reason.BAD_AUTH);
        byte[] moved = codec.encode(new Datagram.Data(1, 5, "x".getBytes()), 1);
        moved[23] ^= 1; // the sequence number is authenticated too
        fixChecksum(moved);
        assertThat(reasonOf(() -> decode(moved))).isEqualTo(BadDatagramException.Reason.BAD_AUTH);
    }

    @Test
    void dropsADatagramSealedWithAnotherKey() {
        byte[] bytes = new DatagramCodec(TransferKeys.fresh()).encode(new Datagram.SynAck(1), 0);
        assertThat(reasonOf(() -> decode(bytes))).isEqualTo(BadDatagramException.Reason.BAD_AUTH);
    }

    @Test
    void dropsTruncatedForeignAndFutureDatagrams() {
        byte[] bytes = codec.encode(new Datagram.Data(1, 2, new byte[8]), 0);
        assertThat(reasonOf(() -> decode(java.util.Arrays.copyOf(bytes, 20)))).isEqualTo(BadDatagramException.Reason.TOO_SHORT);
        assertThat(reasonOf(() -> decode(java.util.Arrays.copyOf(bytes, bytes.length - 1))))
                .isEqualTo(BadDatagramException.Reason.BAD_LENGTH);
        byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        assertThat(reasonOf(() -> decode(foreign))).isEqualTo(BadDatagramException.Reason.BAD_MAGIC);
        assertThat(DatagramCodec.peekTransferId(ByteBuffer.wrap(foreign))).isEqualTo(-1);
        byte[] future = bytes.clone();
        future[2] = 2;
        assertThat(reasonOf(() -> decode(future))).isEqualTo(BadDatagramException.Reason.BAD_VERSION);
    }

    @Test
    void neverSealsTwiceUnderOneNonce() {
        codec.encode(new Datagram.SynAck(1), 3);
        assertThatThrownBy(() -> codec.encode(new Datagram.SynAck(1), 3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToWriteAnOversizedDatagram() {
        assertThatThrownBy(() -> codec.encode(new Datagram.Data(1, 0, new byte[DatagramCodec.MAX_DATAGRAM]), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReceiverReadsTheDataPacketNumberItEchoes() {
        byte[] bytes = codec.encode(new Datagram.Data(7, 5, new byte[] {9}), 1234);
        assertThat(DatagramCodec.packetNumber(ByteBuffer.wrap(bytes))).isEqualTo(1234);
    }

    @Test
    void anAcknowledgementWithoutAnEchoFromAnEarlierPeerStillDecodes() throws BadDatagramException {
        byte[] body = ByteBuffer.allocate(5).put((byte) 1).putInt(17).array(); // the 5-byte body before the echo
        byte[] bytes = codec.seal(DatagramCodec.ACK, 7, 3, 12, body);
        assertThat(decode(bytes)).isEqualTo(new Datagram.Ack(7, 12, 17, -1));
    }

    @Test
    void anEchoNoPacketCouldHaveIsMalformed() {
        byte[] body = ByteBuffer.allocate(13).put((byte) 0).putInt(0).putLong(-2).array();
        byte[] bytes = codec.seal(DatagramCodec.ACK, 7, 3, 12, body);
        assertThat(reasonOf(() -> decode(bytes))).isEqualTo(BadDatagramException.Reason.BAD_BODY);
        byte[] shortBody = codec.seal(DatagramCodec.ACK, 7, 4, 12, new byte[] {1, 0});
        assertThat(reasonOf(() -> decode(shortBody))).isEqualTo(BadDatagramException.Reason.BAD_BODY);
    }

    @Test
    void aDataSegmentSealedIntoAReusedBufferIsTheSameDatagram() throws BadDatagramException {
        byte[] file = new byte[3000];
        new java.util.Random(5).nextBytes(file);
        byte[] out = new byte[DatagramCodec.OVERHEAD + 1024];
        DatagramCodec other = new DatagramCodec(key);
        for (int i = 0; i < 3; i++) {
            int length = Math.min(1024, file.length - i * 1024);
            int written = codec.encodeData(7, 40 + i, 1000 + i, file, i * 1024, length, out);
            byte[] chunk = java.util.Arrays.copyOfRange(file, i * 1024, i * 1024 + length);
            assertThat(written).isEqualTo(DatagramCodec.OVERHEAD + length);
            assertThat(java.util.Arrays.copyOf(out, written)).isEqualTo(other.encode(new Datagram.Data(7, 1000 + i, chunk), 40 + i));
            assertThat(codec.decode(ByteBuffer.wrap(out, 0, written))).isEqualTo(new Datagram.Data(7, 1000 + i, chunk));
        }
    }

    @Test
    void refusesABufferTooSmallForTheDatagram() {
        assertThatThrownBy(() -> codec.encodeData(7, 0, 0, new byte[1024], 0, 1024, new byte[1000]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    @Test
    void decodesDatagramsOfEverySizeOneAfterAnother() throws BadDatagramException {
        // the codec reuses one buffer to read datagrams: a short one after a long one must not see the long one's tail
        long packet = 100;
        for (int size : new int[] {2000, 3, 1500, 0, 1024}) {
            byte[] chunk = new byte[size];
            java.util.Arrays.fill(chunk, (byte) size);
            assertThat(decode(codec.encode(new Datagram.Data(7, size, chunk), packet++))).isEqualTo(new Datagram.Data(7, size, chunk));
        }
    }

    private static void fixChecksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 26);
        crc.update(bytes, DatagramCodec.HEADER_BYTES, bytes.length - DatagramCodec.HEADER_BYTES);
        ByteBuffer.wrap(bytes).putInt(26, (int) crc.getValue());
    }
}
