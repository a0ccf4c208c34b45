package chatlab.lab;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** The contents of the files the lab sends, made from a seed, and their SHA-256 as the checkers compare it. */
public final class TestFiles {
    private TestFiles() {
    }

    /** {@code size} bytes from {@code seed}: the same bytes for the same seed, in every process. */
    public static byte[] bytes(long size, long seed) {
        byte[] bytes = new byte[Math.toIntExact(size)];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The SHA-256 of {@code bytes}, in lower-case hexadecimal. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
