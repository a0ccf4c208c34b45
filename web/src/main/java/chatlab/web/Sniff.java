package chatlab.web;

import chatlab.media.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * How the page shows a file, from the type its first bytes say ({@link MediaTypes}, never its
 * name): inline only when the content is an image, audio or video a browser shows or plays by
 * itself. Anything else, SVG, HTML and PDF included, is {@code application/octet-stream} and is
 * only downloaded.
 */
final class Sniff {
    /** A content type and how the page shows it: image, audio, video or file. */
    record Type(String contentType, String kind) {
        boolean inline() {
            return !kind.equals("file");
        }
    }

    static final Type UNKNOWN = new Type("application/octet-stream", "file");

    /** The types shown or played in the page; every other one is downloaded. */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "audio/wav", "audio/ogg", "audio/flac", "audio/mpeg", "audio/mp4", "video/mp4", "video/webm");

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

    static Type of(byte[] head) {
        return MediaTypes.sniff(head).filter(INLINE::contains)
                .map(type -> new Type(type, type.substring(0, type.indexOf('/'))))
                .orElse(UNKNOWN);
    }
}
