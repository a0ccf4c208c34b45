package chatlab.p2p.direct;

import chatlab.e2e.IdentityKeys;
import chatlab.e2e.Sealing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A direct message between two users, its receipt, or a step of the relay exchange, as one UDP
 * datagram. The header is in the clear and bound to the body as HPKE's associated data; the body
 * is sealed by the datagram's sender for its recipient ({@link chatlab.e2e.Sealing}): a message's
 * text, or nothing for a receipt, whose seal alone proves that the recipient opened the message.
 * A fetch and a done carry no body: they only ask, and whatever they ask for goes to where the
 * server's directory says the asking user is.
 *
 * <pre>
 *  0  2  magic "CM"            12  1  sender's name length n, then n bytes (UTF-8)
 *  2  1  version (1)            .  1  recipient's name length m, then m bytes
 *  3  1  kind (below)           . 32  HPKE's encapsulated key     } sealed kinds
 *  4  8  message id             .     the sealed body and its tag } only
 * </pre>
 *
 * Kinds: 1 message, 2 receipt (from the message's recipient to its sender, perhaps through a
 * relay), 3 deposit (a sender hands a relay a message to hold: the body is the hold asked for and
 * the message's own datagram), 4 answer (the relay's: held for how long, or refused and why),
 * 5 fetch (a user asks a relay for what it holds for them), 6 done (a sender took the receipt a
 * relay held for it).
 */
public record DirectDatagram(Kind kind, long messageId, String from, String to, byte[] enc, byte[] sealed) {
    static final short MAGIC = 0x434D; // "CM"
    static final byte VERSION = 1;
    /** Bytes in HPKE's encapsulated key for DHKEM(X25519). */
    public static final int ENC_BYTES = 32;

    /** What a datagram is; see the class comment. */
    public enum Kind {
        MESSAGE(1, true), RECEIPT(2, true), DEPOSIT(3, true), ANSWER(4, true), FETCH(5, false), DONE(6, false);

        final byte code;
        /** Whether the kind carries a sealed body. */
        final boolean sealed;

        Kind(int code, boolean sealed) {
            this.code = (byte) code;
            this.sealed = sealed;
        }
    }

    /** A datagram that is not a well-formed direct message. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    /** A datagram of a kind without a body: a fetch or a done. */
    public static DirectDatagram bare(Kind kind, long messageId, String from, String to) {
        if (kind.sealed) {
            throw new IllegalArgumentException("a " + kind + " is sealed");
        }
        return new DirectDatagram(kind, messageId, from, to, new byte[0], new byte[0]);
    }

    public DirectDatagram {
        if (!kind.sealed && (enc.length != 0 || sealed.length != 0)) {
            throw new IllegalArgumentException("a " + kind + " carries no body");
        }
        if (kind.sealed && enc.length != ENC_BYTES) {
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

    /** A datagram whose body is {@code body} sealed by {@code sender} for the holder of {@code recipientKey}. */
    public static DirectDatagram seal(Kind kind, long messageId, String from, String to, byte[] body, byte[] recipientKey,
            IdentityKeys sender) {
        Sealing.Sealed sealed = Sealing.seal(body, header(kind, messageId, from, to), recipientKey, sender);
        return new DirectDatagram(kind, messageId, from, to, sealed.enc(), sealed.ciphertext());
    }

    /** This datagram's body, opened by its recipient; throws if {@code senderKey}'s holder did not seal it, or it changed. */
    public byte[] open(IdentityKeys recipient, byte[] senderKey) throws Sealing.OpenException {
        return Sealing.open(new Sealing.Sealed(enc, sealed), header(), recipient, senderKey);
    }

    /** This datagram's header, the associated data of its seal. */
    public byte[] header() {
        return header(kind, messageId, from, to);
    }

    public byte[] encode() {
        byte[] header = header();
        return ByteBuffer.allocate(header.length + enc.length + sealed.length).put(header).put(enc).put(sealed).array();
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
            if (!kind.sealed) {
                if (in.hasRemaining()) {
                    throw new MalformedException("a " + kind + " with " + in.remaining() + " bytes after its header");
                }
                return bare(kind, messageId, from, to);
            }
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
