package chatlab.workload;

import java.util.List;

/**
 * One thing a simulated user will do: a behaviour and, for chat, whom it is for ({@code to}) or
 * not for ({@code except}); for a beacon, a file or a direct message, the peer ({@code to}) and
 * a file's size; for an attack, the victim; for a status change, the status; for leaving, how
 * long the user stays away. Decided in advance from the seed.
 */
public record Action(Behaviour behaviour, List<String> to, List<String> except, String victim, long bytes,
        chatlab.protocol.UserStatus status, long awayNanos) {
    public Action {
        to = List.copyOf(to);
        except = List.copyOf(except);
    }

    public Action(Behaviour behaviour, List<String> to, List<String> except, String victim, long bytes,
            chatlab.protocol.UserStatus status) {
        this(behaviour, to, except, victim, bytes, status, 0);
    }

    public Action(Behaviour behaviour, List<String> to, List<String> except, String victim, long bytes) {
        this(behaviour, to, except, victim, bytes, null);
    }

    static Action of(Behaviour behaviour) {
        return new Action(behaviour, List.of(), List.of(), null, 0);
    }
}
