package chatlab.run;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.protocol.ErrorCode;
import java.util.Map;
import java.util.Set;

/**
 * Which refusals are part of a workload's nature rather than signs of a fault: the simulator
 * counts the others as unexpected as they happen, and the analysis of a run's history again.
 */
public final class ExpectedFailures {
    /**
     * Refusals that are part of the workload's nature (races, lockout, a server that is down),
     * not signs of a fault. A chatting user's own login never meets {@code duplicate_session} or
     * {@code already_logged_in}: its client takes over its own stale session, and drops a
     * connection whose login or logout ended in doubt. Only attackers, who log in to one victim
     * from several clients at once, meet {@code duplicate_session} by nature.
     */
    private static final Map<Op, Set<ErrorCode>> EXPECTED = Map.of(
            Op.SEND, Set.of(ErrorCode.RECIPIENT_BLOCKED),
            Op.EDIT, Set.of(ErrorCode.NO_SUCH_MESSAGE, ErrorCode.NOT_OWNER, ErrorCode.TIMESTAMP_MISMATCH),
            Op.DELETE, Set.of(ErrorCode.NO_SUCH_MESSAGE, ErrorCode.NOT_OWNER, ErrorCode.TIMESTAMP_MISMATCH),
            Op.LOGIN, Set.of(ErrorCode.WRONG_PASSWORD, ErrorCode.ACCOUNT_BLOCKED, ErrorCode.SERVER_UNREACHABLE),
            Op.RECONNECT, Set.of(ErrorCode.SERVER_UNREACHABLE),
            Op.SIGNUP, Set.of(ErrorCode.USERNAME_TAKEN),
            Op.FILE, Set.of(ErrorCode.USER_OFFLINE),
            Op.DM, Set.of(ErrorCode.RECIPIENT_BLOCKED, ErrorCode.NO_KEY));
    /** A file transfer may fail on an impaired link; only a corrupted or unwritable file is a fault. */
    private static final Set<String> FILE_TRANSFER_FAILURES = Set.of("peer_unreachable", "peer_vanished",
            "aborted_by_peer", "timed_out");

    private ExpectedFailures() {
    }

    /** Whether a refusal of {@code operation} (its invocation or completion) with {@code code} is part of the workload's nature. */
    public static boolean expected(Event operation, String code) {
        Op op = operation.f();
        boolean attack = op == Op.LOGIN && operation.right() != null;
        return code.equals(ErrorCode.RATE_LIMITED.wire())
                || (attack && code.equals(ErrorCode.DUPLICATE_SESSION.wire()))
                || (op == Op.FILE && FILE_TRANSFER_FAILURES.contains(code))
                // under churn, a message for a user who is offline may find no relay online to hold it
                || (op == Op.DM && code.equals("not_held"))
                || EXPECTED.getOrDefault(op, Set.of()).stream().anyMatch(c -> c.wire().equals(code));
    }
}
