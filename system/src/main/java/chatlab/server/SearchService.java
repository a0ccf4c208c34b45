package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.StoredMessage;
import chatlab.protocol.UserProfile;
import chatlab.store.MessageStore;
import chatlab.store.ProfileStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Search (Compsys 302's future work): the messages a user may see and the user directory,
 * through SQLite's FTS5, best match first, page by page. A query is read as words, every one of
 * which must match; a word ending in {@code *} matches as a prefix. FTS5's own syntax is never
 * passed through, so no query can fail to parse.
 */
final class SearchService {
    private static final int PAGE = 50;

    private final MessageStore messages;
    private final ProfileStore profiles;
    private final ProfileService profileService;
    private final GroupService groups;

    SearchService(MessageStore messages, ProfileStore profiles, ProfileService profileService, GroupService groups) {
        this.messages = messages;
        this.profiles = profiles;
        this.profileService = profileService;
        this.groups = groups;
    }

    ServerMessage.Messages messages(long requestId, String user, String query, String after) {
        int offset = offset(after);
        List<MessageStore.Kept> found = messages.search(user, match(query), offset, PAGE + 1);
        List<StoredMessage> page = found.stream().limit(PAGE).map(groups::stored).toList();
        Pages.Cut<StoredMessage> cut = Pages.cut(page, found.size() > PAGE, i -> Integer.toString(offset + i + 1));
        return new ServerMessage.Messages(requestId, cut.items(), cut.next(),
                cut.items().isEmpty() && after == null ? "no message matches '" + query.strip() + "'" : null);
    }

    ServerMessage.Users users(long requestId, String viewer, String query, String after) {
        int offset = offset(after);
        List<String> found = profiles.search(match(query), offset, PAGE + 1);
        List<UserProfile> page = found.stream().limit(PAGE).map(u -> profileService.profile(viewer, u)).toList();
        Pages.Cut<UserProfile> cut = Pages.cut(page, found.size() > PAGE, i -> Integer.toString(offset + i + 1));
        return new ServerMessage.Users(requestId, cut.items(), cut.next(),
                cut.items().isEmpty() && after == null ? "no user matches '" + query.strip() + "'" : null);
    }

    /**
     * The FTS5 expression for a query: each word quoted (a quote inside doubled), so that
     * operators and punctuation are searched for as text; a trailing {@code *} kept as a prefix.
     */
    static String match(String query) {
        List<String> terms = new ArrayList<>();
        for (String word : query.strip().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            String bare = prefix ? word.substring(0, word.length() - 1) : word;
            if (bare.replace("*", "").isBlank()) {
                continue;
            }
            terms.add('"' + bare.replace("\"", "\"\"") + '"' + (prefix ? "*" : ""));
        }
        if (terms.isEmpty()) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "query must hold at least one word to search for");
        }
        return String.join(" ", terms);
    }

    private static int offset(String after) {
        long cursor = Pages.cursor(after);
        if (cursor < 0 || cursor > 100_000) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "after must be a cursor from a previous page");
        }
        return (int) cursor;
    }
}
