package chatlab.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * Seals a message for one recipient, as HPKE (RFC 9180) does in its authenticated mode:
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, from Bouncy Castle. Only the holder
 * of the recipient's private key can open it, and opening it proves it was sealed with the
 * sender's private key; anyone else who holds it (a relay, the server) sees bytes. The
 * associated data, which the caller chooses (sender, recipient and message id, say), is not
 * secret but cannot be changed without the message failing to open.
 */
public final class Sealing {
    /** Binds every sealed message to its use, so that no other HPKE use of the same keys opens it. */
    private static final byte[] INFO = "chatlab direct message v1".getBytes(StandardCharsets.US_ASCII);

    /** A sealed message: the sender's encapsulated ephemeral key and the ciphertext with its tag. */
    public record Sealed(byte[] enc, byte[] ciphertext) {
        public Sealed {
            enc = enc.clone();
            ciphertext = ciphertext.clone();
        }

        @Override
        public byte[] enc() {
            return enc.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sealed s && Arrays.equals(s.enc, enc) && Arrays.equals(s.ciphertext, ciphertext);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(enc) * 31 + Arrays.hashCode(ciphertext);
        }

        @Override
        public String toString() {
            return "Sealed[" + enc.length + " + " + ciphertext.length + " bytes]";
        }
    }

    /** A sealed message that did not open: wrong keys, changed bytes or changed associated data. */
    public static final class OpenException extends Exception {
        public OpenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Sealing() {
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_auth, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    /** Seals {@code plaintext} for the holder of {@code recipientPublicKey}, as {@code sender}. */
    public static Sealed seal(byte[] plaintext, byte[] associatedData, byte[] recipientPublicKey, IdentityKeys sender) {
        HPKE hpke = hpke();
        try {
            byte[][] out = hpke.seal(hpke.deserializePublicKey(recipientPublicKey), INFO, associatedData, plaintext,
                    null, null, sender.pair());
            return new Sealed(out[1], out[0]);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot seal for this key: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a message sealed for {@code recipient} by the holder of {@code senderPublicKey}, or
     * throws {@link OpenException} if it was not, or was changed on the way.
     */
    public static byte[] open(Sealed sealed, byte[] associatedData, IdentityKeys recipient, byte[] senderPublicKey)
            throws OpenException {
        HPKE hpke = hpke();
        try {
            return hpke.open(sealed.enc, recipient.pair(), INFO, associatedData, sealed.ciphertext, null, null,
                    hpke.deserializePublicKey(senderPublicKey));
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new OpenException("the message did not open: it was not sealed by that sender for this recipient, "
                    + "or it was changed on the way", e);
        }
    }
}
