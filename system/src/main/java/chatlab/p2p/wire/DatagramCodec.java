package chatlab.p2p.wire;

import chatlab.p2p.arq.Strategy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.zip.CRC32C;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encodes and decodes transfer datagrams: a 30-byte header, then a body sealed with AES-GCM
 * under the transfer's key, with the header as additional data. A CRC-32C over everything but
 * itself drops corrupted datagrams before decryption; the GCM tag drops tampered ones.
 *
 * <pre>
 *  0  2  magic "CL"          12  8  packet number (per direction)
 *  2  1  version (1)         20  4  sequence number
 *  3  1  kind                24  2  body length (ciphertext + 16-byte tag)
 *  4  8  transfer id         26  4  CRC-32C of bytes 0-25 and the body
 * </pre>
 *
 * The GCM nonce is the direction and the packet number, which never repeats under one key.
 * Not thread-safe: use one codec per thread.
 */
public final class DatagramCodec {
    public static final int HEADER_BYTES = 30;
    public static final int TAG_BYTES = 16;
    public static final int OVERHEAD = HEADER_BYTES + TAG_BYTES;
    /** The largest datagram this codec writes or reads. */
    public static final int MAX_DATAGRAM = 65_507;
    static final short MAGIC = 0x434C; // "CL"
    static final byte VERSION = 1;
    /**
     * An acknowledgement's body: the flag, the selective number and the echo. A body of 5 bytes,
     * without the echo, from a peer before the echo, decodes with echo -1.
     */
    static final int ACK_BODY = 13;

    // The kinds' codes, which DatagramKind names for those outside: the codec switches on the byte.
    static final byte SYN = 1;
    static final byte DATA = 2;
    static final byte FIN = 3;
    static final byte ABORT_FROM_SENDER = 4;
    static final byte SYN_ACK = 17;
    static final byte ACK = 18;
    static final byte FIN_ACK = 19;
    static final byte ABORT_FROM_RECEIVER = 20;

    private final SecretKey key;
    private final Cipher cipher;
    private final CRC32C crc = new CRC32C();
    private byte[] scratch = new byte[0];

    public DatagramCodec(SecretKey key) {
        this.key = key;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The transfer id of a datagram, without checking the rest, to route it; -1 if it is not one of ours. */
    public static long peekTransferId(ByteBuffer datagram) {
        int p = datagram.position();
        if (datagram.remaining() < HEADER_BYTES || datagram.getShort(p) != MAGIC) {
            return -1;
        }
        return datagram.getLong(p + 4);
    }

    /**
     * The clear header of a datagram, read without checking it: what a trace or a router may
     * know of a datagram it cannot (or need not) open. The header is authenticated but not
     * encrypted, so this reads the packet number and sequence number any observer on the path
     * sees. A datagram corrupted in its header reads wrong here; only {@link #decode} checks.
     */
    public record Header(long transferId, DatagramKind kind, long packetNumber, long seq) {
    }

    /** The header of a datagram, or null if it is too short or lacks the magic; its kind is null if unknown. */
    public static Header peekHeader(ByteBuffer datagram) {
        int p = datagram.position();
        if (datagram.remaining() < HEADER_BYTES || datagram.getShort(p) != MAGIC) {
            return null;
        }
        return new Header(datagram.getLong(p + 4), DatagramKind.ofCode(datagram.get(p + 3)), packetNumber(datagram),
                Integer.toUnsignedLong(datagram.getInt(p + 20)));
    }

    /** Whether a datagram starts with the transfer magic (otherwise it may be a beacon). */
    public static boolean isTransferDatagram(ByteBuffer datagram) {
        return datagram.remaining() >= 2 && datagram.getShort(datagram.position()) == MAGIC;
    }

    public byte[] encode(Datagram datagram, long packetNumber) {
        byte kind;
        long seq = 0;
        byte[] body;
        switch (datagram) {
            case Datagram.Syn syn -> {
                kind = SYN;
                seq = syn.isn();
                body = ByteBuffer.allocate(25).put((byte) syn.strategy().ordinal()).putInt(syn.window())
                        .putInt(syn.chunkSize()).putLong(syn.segments()).putLong(syn.fileSize()).array();
            }
            case Datagram.SynAck synAck -> {
                kind = SYN_ACK;
                body = new byte[0];
            }
            case Datagram.Data data -> {
                kind = DATA;
                seq = data.seq();
                body = data.chunk();
            }
            case Datagram.Ack ack -> {
                kind = ACK;
                seq = ack.cumulative();
                body = ByteBuffer.allocate(ACK_BODY).put((byte) (ack.selective() < 0 ? 0 : 1))
                        .putInt((int) Math.max(0, ack.selective())).putLong(ack.echo()).array();
            }
            case Datagram.Fin fin -> {
                kind = FIN;
                seq = fin.seq();
                body = new byte[0];
            }
            case Datagram.FinAck finAck -> {
                kind = FIN_ACK;
                body = new byte[] {(byte) finAck.status().ordinal()};
            }
            case Datagram.Abort abort -> {
                kind = abort.fromSender() ? ABORT_FROM_SENDER : ABORT_FROM_RECEIVER;
                body = abort.reason().getBytes(StandardCharsets.UTF_8);
            }
        }
        return seal(kind, datagram.transferId(), packetNumber, seq, body);
    }

    /**
     * Seals one data segment, {@code length} bytes of {@code chunk} from {@code offset}, into
     * {@code out} from its start, and returns the datagram's length: the same bytes as
     * {@link #encode} of a {@link Datagram.Data} with that chunk, written into a buffer the
     * caller reuses, so that a sender allocates nothing per segment.
     */
    public int encodeData(long transferId, long packetNumber, long seq, byte[] chunk, int offset, int length, byte[] out) {
        return seal(DATA, transferId, packetNumber, seq, chunk, offset, length, out);
    }

    /** Writes the header, seals the body with AES-GCM and sets the checksum. */
    byte[] seal(byte kind, long transferId, long packetNumber, long seq, byte[] body) {
        byte[] out = new byte[HEADER_BYTES + body.length + TAG_BYTES];
        seal(kind, transferId, packetNumber, seq, body, 0, body.length, out);
        return out;
    }

    private int seal(byte kind, long transferId, long packetNumber, long seq, byte[] body, int offset, int bodyLength,
            byte[] out) {
        int length = HEADER_BYTES + bodyLength + TAG_BYTES;
        if (length > MAX_DATAGRAM) {
            throw new IllegalArgumentException("a datagram of " + length + " bytes is too large");
        }
        if (out.length < length) {
            throw new IllegalArgumentException("a datagram of " + length + " bytes does not fit in " + out.length);
        }
        ByteBuffer header = ByteBuffer.wrap(out);
        header.putShort(MAGIC).put(VERSION).put(kind).putLong(transferId).putLong(packetNumber)
                .putInt((int) seq).putShort((short) (bodyLength + TAG_BYTES));
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(kind, packetNumber));
            cipher.updateAAD(out, 0, 26);
            cipher.doFinal(body, offset, bodyLength, out, HEADER_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a datagram failed", e);
        }
        crc.reset();
        crc.update(out, 0, 26);
        crc.update(out, HEADER_BYTES, length - HEADER_BYTES);
        header.putInt(26, (int) crc.getValue());
        return length;
    }

    /** Decodes a datagram, or says why it must be dropped. */
    public Datagram decode(ByteBuffer in) throws BadDatagramException {
        ByteBuffer d = in.slice();
        int length = d.remaining();
        if (length < HEADER_BYTES + TAG_BYTES) {
            throw bad(BadDatagramException.Reason.TOO_SHORT, length + " bytes is shorter than any datagram");
        }
        if (d.getShort(0) != MAGIC) {
            throw bad(BadDatagramException.Reason.BAD_MAGIC, "not a chatlab transfer datagram");
        }
        if (d.get(2) != VERSION) {
            throw bad(BadDatagramException.Reason.BAD_VERSION, "datagram version " + d.get(2) + ", expected " + VERSION);
        }
        byte kind = d.get(3);
        int bodyLength = Short.toUnsignedInt(d.getShort(24));
        if (HEADER_BYTES + bodyLength != length || bodyLength < TAG_BYTES) {
            throw bad(BadDatagramException.Reason.BAD_LENGTH, "the length field says " + bodyLength
                    + " body bytes but " + (length - HEADER_BYTES) + " arrived");
        }
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        byte[] bytes = scratch; // the datagram, copied out of the receive buffer: reused, as decoding is not reentrant
        d.get(0, bytes, 0, length);
        crc.reset();
        crc.update(bytes, 0, 26);
        crc.update(bytes, HEADER_BYTES, bodyLength);
        if ((int) crc.getValue() != d.getInt(26)) {
            throw bad(BadDatagramException.Reason.BAD_CHECKSUM, "checksum mismatch: the datagram was corrupted");
        }
        long transferId = d.getLong(4);
        long packetNumber = d.getLong(12);
        long seq = Integer.toUnsignedLong(d.getInt(20));
        byte[] body;
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nonce(kind, packetNumber));
            cipher.updateAAD(bytes, 0, 26);
            body = cipher.doFinal(bytes, HEADER_BYTES, bodyLength);
        } catch (GeneralSecurityException e) {
            throw bad(BadDatagramException.Reason.BAD_AUTH, "authentication failed: wrong key or tampered datagram");
        }
        return body(kind, transferId, seq, body);
    }

    private static Datagram body(byte kind, long transferId, long seq, byte[] body) throws BadDatagramException {
        try {
            ByteBuffer b = ByteBuffer.wrap(body);
            return switch (kind) {
                case SYN -> new Datagram.Syn(transferId, seq, Strategy.values()[b.get()], b.getInt(), b.getInt(),
                        b.getLong(), b.getLong());
                case SYN_ACK -> new Datagram.SynAck(transferId);
                case DATA -> new Datagram.Data(transferId, seq, body);
                case ACK -> ack(transferId, seq, b);
                case FIN -> new Datagram.Fin(transferId, seq);
                case FIN_ACK -> new Datagram.FinAck(transferId, Datagram.FinStatus.values()[b.get()]);
                case ABORT_FROM_SENDER, ABORT_FROM_RECEIVER -> new Datagram.Abort(transferId, kind == ABORT_FROM_SENDER,
                        new String(body, StandardCharsets.UTF_8));
                default -> throw bad(BadDatagramException.Reason.UNKNOWN_KIND, "unknown datagram kind " + kind);
            };
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw bad(BadDatagramException.Reason.BAD_BODY, "the body of a kind-" + kind + " datagram is malformed");
        }
    }

    /** An acknowledgement's body; its echo is a packet number, or all ones for none. */
    private static Datagram.Ack ack(long transferId, long seq, ByteBuffer b) throws BadDatagramException {
        long selective = b.get(0) == 0 ? -1 : Integer.toUnsignedLong(b.getInt(1));
        long echo = b.limit() >= ACK_BODY ? b.getLong(5) : -1;
        if (echo < -1) {
            throw bad(BadDatagramException.Reason.BAD_BODY, "an acknowledgement echoes packet number " + echo);
        }
        return new Datagram.Ack(transferId, seq, selective, echo);
    }

    /**
     * The packet number of a datagram that {@link #decode} accepted: its header is authenticated,
     * so this is the number its sender gave it.
     */
    public static long packetNumber(ByteBuffer datagram) {
        return datagram.getLong(datagram.position() + 12);
    }

    private static GCMParameterSpec nonce(byte kind, long packetNumber) {
        byte[] iv = new byte[12];
        iv[0] = (byte) (kind >= SYN_ACK ? 1 : 0); // direction: the two peers never share a nonce
        ByteBuffer.wrap(iv, 4, 8).putLong(packetNumber);
        return new GCMParameterSpec(TAG_BYTES * 8, iv);
    }

    private static BadDatagramException bad(BadDatagramException.Reason reason, String message) {
        return new BadDatagramException(reason, message);
    }
}
