package chatlab.server;

import chatlab.protocol.BoardAction;
import chatlab.protocol.BoardEntry;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import chatlab.store.BoardStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Toom's numbered message board. A message's number is its position, so deleting one renumbers
 * those after it. Only the poster may edit or delete, naming the number and the timestamp.
 * The board is kept in memory in board order and written through to the store.
 */
public final class BoardService {
    static final String NO_NEW_MESSAGE = "no new message";

    private final BoardStore store;
    private final InstantSource clock;
    private final Timestamps timestamps;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<BoardStore.Row> board;
    /** Told after every change of the board, outside the lock. */
    private volatile Runnable onChange = () -> { };

    public BoardService(BoardStore store, InstantSource clock, Timestamps timestamps) {
        this.store = store;
        this.clock = clock;
        this.timestamps = timestamps;
        this.board = new ArrayList<>(store.all());
    }

    /** Runs {@code listener} after every post, edit and delete, in the order the changes happened. */
    void onChange(Runnable listener) {
        onChange = listener;
    }

    /** Empties the board, as Toom's server started with an empty one. */
    void clear() {
        lock.lock();
        try {
            store.clear();
            board.clear();
        } finally {
            lock.unlock();
        }
        onChange.run();
    }

    /** Toom's MSG. */
    public ServerMessage.BoardAck post(long requestId, String user, String text) {
        ServerMessage.BoardAck ack;
        lock.lock();
        try {
            Instant now = Timestamps.truncate(clock.instant());
            long id = store.insert(user, text, now);
            board.add(new BoardStore.Row(id, user, text, now, false));
            ack = ack(requestId, BoardAction.POSTED, board.size(), now);
        } finally {
            lock.unlock();
        }
        onChange.run();
        return ack;
    }

    /** Toom's EDT. */
    public ServerMessage.BoardAck edit(long requestId, String user, int number, String timestamp, String text) {
        ServerMessage.BoardAck ack;
        lock.lock();
        try {
            BoardStore.Row row = owned(user, number, timestamp, "edit");
            Instant now = Timestamps.truncate(clock.instant());
            store.update(row.id(), text, now);
            board.set(number - 1, new BoardStore.Row(row.id(), row.user(), text, now, true));
            ack = ack(requestId, BoardAction.EDITED, number, now);
        } finally {
            lock.unlock();
        }
        onChange.run();
        return ack;
    }

    /** Toom's DLT. */
    public ServerMessage.BoardAck delete(long requestId, String user, int number, String timestamp) {
        ServerMessage.BoardAck ack;
        lock.lock();
        try {
            BoardStore.Row row = owned(user, number, timestamp, "delete");
            store.delete(row.id());
            board.remove(number - 1);
            ack = ack(requestId, BoardAction.DELETED, number, Timestamps.truncate(clock.instant()));
        } finally {
            lock.unlock();
        }
        onChange.run();
        return ack;
    }

    private BoardStore.Row owned(String user, int number, String timestamp, String verb) {
        Instant at = timestamps.parse(timestamp);
        if (number < 1 || number > board.size()) {
            throw new ChatException(ErrorCode.NO_SUCH_MESSAGE, "Message #" + number + " does not exist");
        }
        BoardStore.Row row = board.get(number - 1);
        if (!row.at().equals(at)) {
            throw new ChatException(ErrorCode.TIMESTAMP_MISMATCH, "Message #" + number + " has the timestamp "
                    + timestamps.format(row.at()) + ", not " + timestamps.format(at));
        }
        if (!row.user().equals(user)) {
            throw new ChatException(ErrorCode.NOT_OWNER,
                    "Message #" + number + " was posted by " + row.user() + "; you may " + verb + " only your own messages");
        }
        return row;
    }

    private ServerMessage.BoardAck ack(long requestId, BoardAction action, int number, Instant at) {
        String formatted = timestamps.format(at);
        return new ServerMessage.BoardAck(requestId, action, number, formatted,
                "Message #" + number + " " + action.name().toLowerCase(java.util.Locale.ROOT) + " at " + formatted + ".");
    }

    /** Toom's RDM: the messages strictly later than {@code since}. */
    public ServerMessage.BoardMessages readSince(long requestId, String since, String after) {
        Instant from = timestamps.parse(since);
        return page(requestId, after, row -> row.at().isAfter(from));
    }

    /** The whole board, as Toom's messagelog.txt holds it. */
    public ServerMessage.BoardMessages log(long requestId, String after) {
        return page(requestId, after, row -> true);
    }

    /** The whole board, unpaged. */
    List<BoardEntry> all() {
        List<BoardEntry> entries = new ArrayList<>();
        collect(row -> true, entries, new ArrayList<>());
        return entries;
    }

    private void collect(java.util.function.Predicate<BoardStore.Row> wanted, List<BoardEntry> entries, List<Long> ids) {
        lock.lock();
        try {
            for (int i = 0; i < board.size(); i++) {
                BoardStore.Row row = board.get(i);
                if (wanted.test(row)) {
                    entries.add(new BoardEntry(i + 1, row.user(), row.text(), timestamps.format(row.at()), row.edited()));
                    ids.add(row.id());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private ServerMessage.BoardMessages page(long requestId, String after,
            java.util.function.Predicate<BoardStore.Row> wanted) {
        long afterId = Pages.cursor(after);
        List<BoardEntry> entries = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        collect(row -> row.id() > afterId && wanted.test(row), entries, ids);
        Pages.Cut<BoardEntry> cut = Pages.cut(entries, false, i -> Long.toString(ids.get(i)));
        String message = cut.items().isEmpty() && after == null ? NO_NEW_MESSAGE : null;
        return new ServerMessage.BoardMessages(requestId, cut.items(), cut.next(), message);
    }
}
