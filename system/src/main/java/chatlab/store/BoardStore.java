package chatlab.store;

import java.time.Instant;
import java.util.List;

/** The message board. Numbers are not stored: a message's number is its position. */
public interface BoardStore {
    /** One stored board message; {@code id} orders the board and never changes. */
    record Row(long id, String user, String text, Instant at, boolean edited) {
    }

    /** Stores a new message and returns its id. */
    long insert(String user, String text, Instant at);

    void update(long id, String text, Instant at);

    void delete(long id);

    /** Removes every message: a board that starts empty, as Toom's did at each start. */
    void clear();

    /** Every message, in board order. */
    List<Row> all();
}
