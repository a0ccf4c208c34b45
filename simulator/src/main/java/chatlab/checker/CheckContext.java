package chatlab.checker;

import java.time.Duration;
import java.util.List;

/** What the checkers need to know besides the history: who chats, and the server's lockout rule. */
public record CheckContext(List<String> chatUsers, int maxAttempts, Duration blockDuration) {
    public CheckContext {
        chatUsers = List.copyOf(chatUsers);
    }
}
