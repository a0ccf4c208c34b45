package chatlab.testing;

import chatlab.client.ChatClient;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import java.util.concurrent.CompletableFuture;

/** The error code an action or request ended with, or null when it succeeded. */
public final class Outcomes {
    private Outcomes() {
    }

    public static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
            return null;
        } catch (ChatException e) {
            return e.code();
        }
    }

    public static ErrorCode codeOf(CompletableFuture<?> request) {
        return codeOf(() -> ChatClient.await(request));
    }
}
