package chatlab.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * A user's identity: an X25519 key pair. The public half is published to the server's key
 * directory; the private half never leaves the client's data folder, where it is kept in
 * {@value #FILE_NAME} (readable by its owner only), created on first use.
 */
public final class IdentityKeys {
    /** The file in a client's data folder that holds the private key, base64 on one line. */
    public static final String FILE_NAME = "identity.key";
    /** Bytes in an X25519 key, public or private. */
    public static final int KEY_BYTES = 32;

    private final X25519PrivateKeyParameters privateKey;
    private final X25519PublicKeyParameters publicKey;

    private IdentityKeys(X25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey();
    }

    /** A new identity, from the JDK's random source for keys. */
    public static IdentityKeys generate() {
        return new IdentityKeys(new X25519PrivateKeyParameters(new java.security.SecureRandom()));
    }

    /**
     * The identity kept in {@code folder}, created there on first use. A file that is not a key
     * is an error, never silently replaced: replacing it would change the user's identity.
     */
    public static IdentityKeys loadOrCreate(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " is not an identity key (not base64); move it away to make a new one", e);
            }
            if (raw.length != KEY_BYTES) {
                throw new IOException(file + " is not an identity key (" + raw.length + " bytes, not " + KEY_BYTES
                        + "); move it away to make a new one");
            }
            return new IdentityKeys(new X25519PrivateKeyParameters(raw, 0));
        }
        IdentityKeys created = generate();
        PrivateFiles.write(file, Base64.getEncoder().encodeToString(created.privateKey.getEncoded()) + "\n");
        return created;
    }

    /** The public key, as published: 32 bytes. */
    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    /** The public key in base64, as on the wire. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey());
    }

    AsymmetricCipherKeyPair pair() {
        return new AsymmetricCipherKeyPair(publicKey, privateKey);
    }

    /**
     * A key's fingerprint for people to compare: the first 16 bytes of its SHA-256, in hex, in
     * groups of four (as {@code 3f2a 9c01 …}).
     */
    public static String fingerprint(byte[] publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            String hex = HexFormat.of().formatHex(digest, 0, 16);
            StringBuilder out = new StringBuilder(hex.length() + 8);
            for (int i = 0; i < hex.length(); i += 4) {
                if (i > 0) {
                    out.append(' ');
                }
                out.append(hex, i, i + 4);
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * A public key from its base64 form, or {@link IllegalArgumentException} saying what is
     * wrong with it.
     */
    public static byte[] decodePublicKey(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a key must be base64: " + e.getMessage());
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("a key is " + KEY_BYTES + " bytes (an X25519 public key), not "
                    + raw.length);
        }
        return raw;
    }
}
