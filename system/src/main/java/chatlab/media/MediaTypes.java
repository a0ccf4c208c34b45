package chatlab.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Names a file's media type from its first bytes, never from its name: an avatar or a received
 * file is what its content says it is. Knows the images, sounds and videos a browser shows or
 * plays by itself.
 */
public final class MediaTypes {
    private MediaTypes() {
    }

    /** The media type the bytes begin like, if it is one of those known. */
    public static Optional<String> sniff(byte[] head) {
        if (starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return Optional.of("image/gif");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of("image/webp");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return Optional.of("audio/wav");
        }
        if (ascii(head, 0, "OggS")) {
            return Optional.of("audio/ogg");
        }
        if (ascii(head, 0, "ID3") || mpegAudioFrame(head)) {
            return Optional.of("audio/mpeg");
        }
        if (ascii(head, 0, "fLaC")) {
            return Optional.of("audio/flac");
        }
        if (ascii(head, 4, "ftyp")) {
            return Optional.of(ascii(head, 8, "M4A ") ? "audio/mp4" : "video/mp4");
        }
        if (starts(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of("video/webm");
        }
        if (ascii(head, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /** Whether the type is an image a browser shows inline (PNG, JPEG, GIF, WebP; never SVG, which can hold script). */
    public static boolean isImage(String type) {
        return type != null && type.startsWith("image/");
    }

    /**
     * An MP3 without an ID3 tag starts with an MPEG audio layer III frame header: eleven sync bits,
     * then any version (1, 2 or 2.5), layer III, with or without a CRC (FF FB, FF FA, FF F3, FF F2,
     * FF E3, FF E2).
     */
    private static boolean mpegAudioFrame(byte[] head) {
        if (head.length < 2 || (head[0] & 0xFF) != 0xFF || (head[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (head[1] >> 3) & 0b11; // 01 is reserved
        int layer = (head[1] >> 1) & 0b11; // 01 is layer III
        return version != 0b01 && layer == 0b01;
    }

    private static boolean starts(byte[] head, int at, int... bytes) {
        if (head.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[at + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return head.length >= at + bytes.length && Arrays.equals(head, at, at + bytes.length, bytes, 0, bytes.length);
    }
}
