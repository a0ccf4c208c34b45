package chatlab.testing;

import java.nio.charset.StandardCharsets;

/** Byte arrays written out in tests: the first bytes of a file, say. */
public final class Bytes {
    private Bytes() {
    }

    /** The bytes of the values given, each 0 to 255. */
    public static byte[] of(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** The text's characters as single bytes. */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
