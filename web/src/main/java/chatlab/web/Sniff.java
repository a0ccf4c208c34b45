package chatlab.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The type of a file told from its first bytes, never from its name: a received file is shown
 * inline only when its content is an image, audio or video of a known format. Anything else,
 * SVG and HTML included, is {@code application/octet-stream} and is only downloaded.
 */
final class Sniff {
    /** A content type and how the page shows it: image, audio, video or file. */
    record Type(String contentType, String kind) {
        boolean inline() {
            return !kind.equals("file");
        }
    }

    static final Type UNKNOWN = new Type("application/octet-stream", "file");

    private Sniff() {
    }

    static Type of(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return of(Arrays.copyOf(head, n));
    }

    static Type of(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new Type("image/png", "image");
        }
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return new Type("image/jpeg", "image");
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return new Type("image/gif", "image");
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return new Type("image/webp", "image");
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
            return new Type("audio/wav", "audio");
        }
        if (ascii(b, 0, "OggS")) {
            return new Type("audio/ogg", "audio");
        }
        if (ascii(b, 0, "fLaC")) {
            return new Type("audio/flac", "audio");
        }
        if (ascii(b, 0, "ID3") || (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE6) == 0xE2)) {
            return new Type("audio/mpeg", "audio");
        }
        if (ascii(b, 4, "ftyp")) {
            return ascii(b, 8, "M4A ") ? new Type("audio/mp4", "audio") : new Type("video/mp4", "video");
        }
        if (starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return new Type("video/webm", "video");
        }
        return UNKNOWN;
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] b, int at, String expected) {
        byte[] e = expected.getBytes(StandardCharsets.US_ASCII);
        return b.length >= at + e.length && Arrays.equals(b, at, at + e.length, e, 0, e.length);
    }
}
