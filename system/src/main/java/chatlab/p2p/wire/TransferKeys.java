package chatlab.p2p.wire;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Fresh AES-128 keys for transfers, and their text form for the JSON channel. */
public final class TransferKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TransferKeys() {
    }

    public static SecretKey fresh() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    public static String encode(SecretKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static SecretKey decode(String text) {
        byte[] key = Base64.getDecoder().decode(text);
        if (key.length != 16 && key.length != 32) {
            throw new IllegalArgumentException("a transfer key has 16 or 32 bytes, not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
