package chatlab.p2p.transfer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where received files go: {@code <sender>_<filename>} in the download folder, and until the
 * whole file is verified, a hidden partial file beside it. A name from the network never
 * leaves the folder: only its last part is kept, and unusual characters become {@code _}. A
 * received file never replaces another: when the name is taken it is numbered, as browsers do
 * ({@code Yoda_notes (2).txt}).
 */
public final class Downloads {
    private static final int MAX_NAME = 200;
    /** How many numbered names to try before giving up on a folder full of them. */
    static final int MAX_NUMBER = 10_000;

    private Downloads() {
    }

    /** The file name alone, safe to use in a folder. */
    public static String safeName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^A-Za-z0-9._+() -]", "_").strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            name = "file";
        }
        if (name.startsWith(".")) {
            name = "_" + name.substring(1);
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    /** {@code <sender>_<filename>}, Toom's name for a received file. */
    public static Path finalPath(Path folder, String sender, String fileName) {
        return folder.resolve(sender + "_" + safeName(fileName));
    }

    /** The partial file, hidden and unique to the transfer. */
    public static Path partialPath(Path folder, String sender, String fileName, long transferId) {
        return folder.resolve("." + sender + "_" + safeName(fileName) + "." + Long.toHexString(transferId) + ".part");
    }

    /** {@code notes.txt} numbered {@code n}: {@code notes (n).txt}; {@code notes} alone: {@code notes (n)}. */
    static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }

    /**
     * Gives a verified partial file its final name, or the first free numbered one, and returns
     * the name it took. A hard link claims a name atomically and fails if the name exists, so two
     * transfers finishing at once never overwrite each other, nor anything the user keeps there.
     */
    public static Path claim(Path partial, Path wanted) throws IOException {
        String name = wanted.getFileName().toString();
        for (int n = 1; n <= MAX_NUMBER; n++) {
            Path candidate = n == 1 ? wanted : wanted.resolveSibling(numbered(name, n));
            try {
                Files.createLink(candidate, partial);
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (UnsupportedOperationException noLinks) {
                if (Files.exists(candidate)) {
                    continue;
                }
                Files.move(partial, candidate); // no REPLACE_EXISTING: fails rather than overwrite
                return candidate;
            }
            Files.delete(partial);
            return candidate;
        }
        throw new FileAlreadyExistsException(wanted.toString(), null,
                "it and " + (MAX_NUMBER - 1) + " numbered names are all taken");
    }
}
