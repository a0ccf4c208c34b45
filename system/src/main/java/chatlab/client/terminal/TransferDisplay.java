package chatlab.client.terminal;

import chatlab.client.FileTransfers;
import chatlab.p2p.transfer.TransferException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * Shows file transfers in the terminal: a progress bar per large transfer in the status area at
 * the bottom (where the terminal has one), and a line above the prompt when each one ends.
 */
final class TransferDisplay implements FileTransfers.Listener {
    /** Transfers smaller than this end too quickly to need a bar. */
    static final long BAR_FROM_BYTES = 1 << 20;
    private static final long REDRAW_NANOS = 100_000_000;
    private static final int BAR_WIDTH = 24;

    private final Status status;
    private final Consumer<String> print;
    private final Map<String, String> bars = new LinkedHashMap<>();
    private long lastDraw;

    TransferDisplay(Terminal terminal, Consumer<String> print) {
        this.status = Status.getStatus(terminal, true);
        this.print = print;
    }

    @Override
    public synchronized void progress(String peer, String fileName, boolean sending, long done, long total) {
        if (total < BAR_FROM_BYTES || status == null) {
            return;
        }
        String key = (sending ? "> " : "< ") + peer + " " + fileName;
        bars.put(key, bar(sending ? fileName + " to " + peer : fileName + " from " + peer, done, total));
        long now = System.nanoTime();
        if (done >= total) {
            bars.remove(key);
        }
        if (now - lastDraw > REDRAW_NANOS || done >= total) {
            lastDraw = now;
            draw();
        }
    }

    private void draw() {
        List<AttributedString> lines = new ArrayList<>();
        bars.values().forEach(line -> lines.add(new AttributedString(line)));
        status.update(lines);
    }

    static String bar(String label, long done, long total) {
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * done / total);
        return String.format(Locale.ROOT, "%-40s %3d%% [%s%s] %s / %s", label, total == 0 ? 100 : 100 * done / total,
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), size(done), size(total));
    }

    /** A byte count for people: 512 B, 14.2 KB, 3.0 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    @Override
    public synchronized void received(String from, String fileName, Path file) {
        clear(from, fileName, false);
        Path usual = chatlab.p2p.transfer.Downloads.finalPath(file.toAbsolutePath().getParent(), from, fileName);
        print.accept("Received " + fileName + " from " + from + " (saved as " + file
                + (usual.getFileName().equals(file.getFileName()) ? ")"
                        : ": " + usual.getFileName() + " was taken, so it got a new name)"));
    }

    @Override
    public synchronized void receiveFailed(String from, String fileName, TransferException error) {
        clear(from, fileName, false);
        print.accept("Receiving " + fileName + " from " + from + " failed: " + error.getMessage());
    }

    /** Reports how sending one file to one user ended. */
    synchronized void sent(String fileName, FileTransfers.Outcome outcome) {
        clear(outcome.user(), fileName, true);
        if (outcome.ok()) {
            var report = outcome.report();
            print.accept(String.format(Locale.ROOT, "Sent %s to %s (%s in %.2f s, %d retransmissions)", fileName,
                    outcome.user(), size(report.bytes()), report.total().toNanos() / 1e9,
                    report.stats().retransmissions()));
        } else {
            print.accept("Sending " + fileName + " to " + outcome.user() + " failed: " + outcome.error().getMessage());
        }
    }

    private void clear(String peer, String fileName, boolean sending) {
        if (bars.remove((sending ? "> " : "< ") + peer + " " + fileName) != null) {
            draw();
        }
    }
}
