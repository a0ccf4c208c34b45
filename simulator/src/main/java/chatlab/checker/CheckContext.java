package chatlab.checker;

import java.time.Duration;
import java.util.List;

/**
 * What the checkers need to know besides the history: who chats, the named groups they are in,
 * the server's lockout rule, and what the protocol driven promises of delivery.
 */
public record CheckContext(List<String> chatUsers, java.util.Map<String, List<String>> chatGroups, int maxAttempts,
        Duration blockDuration, chatlab.driver.Promise promise) {
    public CheckContext {
        chatUsers = List.copyOf(chatUsers);
        chatGroups = java.util.Map.copyOf(chatGroups);
        promise = promise == null ? chatlab.driver.Promise.EXACTLY_ONCE_IN_ORDER : promise;
    }

    public CheckContext(List<String> chatUsers, java.util.Map<String, List<String>> chatGroups, int maxAttempts,
            Duration blockDuration) {
        this(chatUsers, chatGroups, maxAttempts, blockDuration, null);
    }

    public CheckContext(List<String> chatUsers, int maxAttempts, Duration blockDuration) {
        this(chatUsers, java.util.Map.of(), maxAttempts, blockDuration, null);
    }
}
