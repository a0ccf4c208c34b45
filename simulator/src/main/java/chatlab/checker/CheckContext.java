package chatlab.checker;

import java.time.Duration;
import java.util.List;

/**
 * What the checkers need to know besides the history: who chats, the named groups they are in,
 * and the server's lockout rule.
 */
public record CheckContext(List<String> chatUsers, java.util.Map<String, List<String>> chatGroups, int maxAttempts,
        Duration blockDuration) {
    public CheckContext {
        chatUsers = List.copyOf(chatUsers);
        chatGroups = java.util.Map.copyOf(chatGroups);
    }

    public CheckContext(List<String> chatUsers, int maxAttempts, Duration blockDuration) {
        this(chatUsers, java.util.Map.of(), maxAttempts, blockDuration);
    }
}
