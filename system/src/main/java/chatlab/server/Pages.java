package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.MessageCodec;
import chatlab.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Cuts a list response to fit one frame, leaving a cursor where it stopped. */
final class Pages {
    /** Room left in a frame for the response around the entries. */
    private static final int BUDGET = Protocol.MAX_FRAME_BYTES - 2_048;

    /** The entries that fit, and the cursor to continue from, or null when none remain. */
    record Cut<T>(List<T> items, String next) {
    }

    private Pages() {
    }

    /**
     * Takes entries from {@code candidates} while they fit. {@code more} says whether entries
     * exist beyond the candidates; {@code cursorAfter} names the position after candidate i.
     */
    static <T> Cut<T> cut(List<T> candidates, boolean more, IntFunction<String> cursorAfter) {
        MessageCodec codec = MessageCodec.instance();
        List<T> items = new ArrayList<>();
        int used = 0;
        for (T candidate : candidates) {
            int size = codec.sizeOf(candidate) + 1;
            if (!items.isEmpty() && used + size > BUDGET) {
                return new Cut<>(items, cursorAfter.apply(items.size() - 1));
            }
            items.add(candidate);
            used += size;
        }
        return new Cut<>(items, more && !items.isEmpty() ? cursorAfter.apply(items.size() - 1) : null);
    }

    /** The numeric cursor a page left, or 0 for the first page. */
    static long cursor(String after) {
        if (after == null) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "after must be a cursor from a previous page");
        }
    }
}
