package chatlab.server;

import chatlab.protocol.ActiveUser;
import chatlab.protocol.BoardEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Toom's {@code userlog.txt} and {@code messagelog.txt}, kept in step with the active users and
 * the board. After every change the file is written whole to a temporary file beside it and
 * renamed over the old one, so a reader sees the old file or the new one, never half of one.
 * Writes are serialised and each renders the state after the change it follows, so the last
 * write always holds the latest state.
 */
final class SeedLogs {
    static final String USER_LOG = "userlog.txt";
    static final String MESSAGE_LOG = "messagelog.txt";
    private static final Logger LOG = LoggerFactory.getLogger(SeedLogs.class);

    private final Path folder;
    private final Supplier<List<ActiveUser>> users;
    private final Supplier<List<BoardEntry>> board;
    private final ReentrantLock lock = new ReentrantLock();

    /** Starts both files from the present state; throws if the folder cannot be made. */
    SeedLogs(Path folder, Supplier<List<ActiveUser>> users, Supplier<List<BoardEntry>> board) throws IOException {
        this.folder = folder;
        this.users = users;
        this.board = board;
        Files.createDirectories(folder);
        usersChanged();
        boardChanged();
    }

    void usersChanged() {
        write(USER_LOG, users.get().stream().map(ActiveUser::userLogLine).toList());
    }

    void boardChanged() {
        write(MESSAGE_LOG, board.get().stream().map(BoardEntry::messageLogLine).toList());
    }

    private void write(String name, List<String> lines) {
        Path target = folder.resolve(name);
        lock.lock();
        try {
            Path temporary = folder.resolve("." + name + ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the change itself is done and stored, and its answer must say so; the file is a view of it,
            // rewritten whole at the next change
            LOG.error("cannot write {}: {}", target, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
