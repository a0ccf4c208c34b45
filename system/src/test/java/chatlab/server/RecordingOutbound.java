package chatlab.server;

import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection as the services see it, for unit tests: it records what was pushed to it and how
 * it was ended, and then runs {@code onEnd}, as a real connection ends its session through the
 * server's hooks.
 */
final class RecordingOutbound implements Outbound {
    final List<ServerMessage> pushed = new CopyOnWriteArrayList<>();
    volatile ErrorCode endedWith;
    volatile String reason;
    volatile Runnable onEnd = () -> { };

    @Override
    public boolean push(ServerMessage message) {
        pushed.add(message);
        return true;
    }

    @Override
    public void pushBacklog(String user, long upToSeq) {
    }

    @Override
    public boolean wantsPresence() {
        return false;
    }

    @Override
    public void end(ErrorCode code, String reason) {
        endedWith = code;
        this.reason = reason;
        onEnd.run();
    }

    <T extends ServerMessage> List<T> pushed(Class<T> type) {
        return pushed.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
