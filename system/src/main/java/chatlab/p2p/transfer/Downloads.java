package chatlab.p2p.transfer;

import java.nio.file.Path;

/**
 * Where received files go: {@code <sender>_<filename>} in the download folder, and until the
 * whole file is verified, a hidden partial file beside it. A name from the network never
 * leaves the folder: only its last part is kept, and unusual characters become {@code _}.
 */
public final class Downloads {
    private static final int MAX_NAME = 200;

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
}
