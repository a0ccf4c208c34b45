package chatlab.p2p.direct;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A direct message between two users, or its receipt, as one UDP datagram. The header is in the
 * clear and bound to the body as HPKE's associated data; the body is sealed by its sender for
 * its recipient ({@link chatlab.e2e.Sealing}): a message's text, or nothing for a receipt, whose
 * seal alone proves that the recipient opened the message.
 *
 * <pre>
 *  0  2  magic "CM"            12  1  sender's name length n, then n bytes (UTF-8)
 *  2  1  version (1)            .  1  recipient's name length m, then m bytes
 *  3  1  kind: 1 message,       . 32  HPKE's encapsulated key
 *        2 receipt              .     the sealed body: ciphertext and its 16-byte tag
 *  4  8  message id (the sender's, random)
 * </pre>
 */
public record DirectDatagram(Kind kind, long messageId, String from, String to, byte[] enc, byte[] sealed) {
    static final short MAGIC = 0x434D; // "CM"
    static final byte VERSION = 1;
    /** Bytes in HPKE's encapsulated key for DHKEM(X25519). */
    public static final int ENC_BYTES = 32;

    /** A message, or the receipt its recipient sends back. */
    public enum Kind {
        MESSAGE(1), RECEIPT(2);

        final byte code;

        Kind(int code) {
            this.code = (byte) code;
        }
    }

    /** A datagram that is not a well-formed direct message. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    public DirectDatagram {
        if (enc.length != ENC_BYTES) {
            throw new IllegalArgumentException("HPKE's encapsulated key is " + ENC_BYTES + " bytes, not " + enc.length);
        }
        enc = enc.clone();
        sealed = sealed.clone();
    }

    /** Whether {@code datagram} (from its position) starts as a direct message does. */
    public static boolean isDirect(ByteBuffer datagram) {
        return datagram.remaining() >= 2 && datagram.getShort(datagram.position()) == MAGIC;
    }

    /** The header as it is sealed with: everything before the encapsulated key. */
    public static byte[] header(Kind kind, long messageId, String from, String to) {
        byte[] fromBytes = name(from);
        byte[] toBytes = name(to);
        ByteBuffer out = ByteBuffer.allocate(14 + fromBytes.length + toBytes.length);
        out.putShort(MAGIC).put(VERSION).put(kind.code).putLong(messageId);
        out.put((byte) fromBytes.length).put(fromBytes).put((byte) toBytes.length).put(toBytes);
        return out.array();
    }

    private static byte[] name(String user) {
        byte[] bytes = user.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > 255) {
            throw new IllegalArgumentException("a user name on a datagram is 1 to 255 bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** This datagram's header, the associated data of its seal. */
    public byte[] header() {
        return header(kind, messageId, from, to);
    }

    public byte[] encode() {
        byte[] header = header();
        return ByteBuffer.allocate(header.length + ENC_BYTES + sealed.length).put(header).put(enc).put(sealed).array();
    }

    /** Reads a direct-message datagram from the buffer's position to its limit. */
    public static DirectDatagram decode(ByteBuffer datagram) throws MalformedException {
        ByteBuffer in = datagram.slice();
        try {
            if (in.getShort() != MAGIC) {
                throw new MalformedException("not a direct message");
            }
            byte version = in.get();
            if (version != VERSION) {
                throw new MalformedException("direct-message version " + version + ", not " + VERSION);
            }
            byte code = in.get();
            Kind kind = Arrays.stream(Kind.values()).filter(k -> k.code == code).findFirst()
                    .orElseThrow(() -> new MalformedException("no direct-message kind " + code));
            long messageId = in.getLong();
            String from = readName(in);
            String to = readName(in);
            byte[] enc = new byte[ENC_BYTES];
            in.get(enc);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            return new DirectDatagram(kind, messageId, from, to, enc, sealed);
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedException("a direct message cut short");
        }
    }

    private static String readName(ByteBuffer in) throws MalformedException {
        int length = Byte.toUnsignedInt(in.get());
        if (length == 0) {
            throw new MalformedException("an empty user name");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] enc() {
        return enc.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectDatagram d && d.kind == kind && d.messageId == messageId && d.from.equals(from)
                && d.to.equals(to) && Arrays.equals(d.enc, enc) && Arrays.equals(d.sealed, sealed);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(messageId) * 31 + from.hashCode();
    }

    @Override
    public String toString() {
        return "DirectDatagram[" + kind + " #" + messageId + " " + from + "->" + to + ", " + sealed.length + " bytes sealed]";
    }
}
