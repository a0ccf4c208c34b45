package chatlab.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line of a run's history. {@code i} orders events; {@code t} is microseconds since the run's
 * origin (one clock for every process of a run); {@code p} is the simulated process (a user, an
 * open session, or {@code nemesis}); {@code u} the account it acts as; {@code f} the operation ({@link Op}).
 * Only the parts that apply to {@code f} are present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(long i, long t, String p, Type type, Op f, String u, Long due, String target, Boolean right,
        Chat chat, Board board, Failure failure, Delivery delivery, Fault fault, FileInfo file, Trace trace,
        Pending pending, Direct direct) {

    /** The same event without a direct message: as recorded before direct messages were simulated. */
    public Event(long i, long t, String p, Type type, Op f, String u, Long due, String target, Boolean right,
            Chat chat, Board board, Failure failure, Delivery delivery, Fault fault, FileInfo file, Trace trace,
            Pending pending) {
        this(i, t, p, type, f, u, due, target, right, chat, board, failure, delivery, fault, file, trace, pending, null);
    }

    /**
     * A direct message between peers: its token; on the sender's completion, how it went
     * ({@code delivered} straight to the recipient, {@code held} by {@code relays} relays until
     * {@code until}, µs on the run's clock, {@code not_held}, or {@code via_server}) and its id.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Direct(String tok, String outcome, Integer relays, Long mid, Long until) {
        public Direct(String tok) {
            this(tok, null, null, null, null);
        }
    }

    /** A chat message: its audience and token on invoke; what the server said on ok. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chat(String mode, List<String> to, List<String> except, String tok, Long mid, Integer recipients,
            Integer offline, List<String> blockedBy, String group) {
        public Chat(String mode, List<String> to, List<String> except, String tok, Long mid, Integer recipients,
                Integer offline, List<String> blockedBy) {
            this(mode, to, except, tok, mid, recipients, offline, blockedBy, null);
        }
    }

    /** A board message: its number and timestamp, or the text token it was posted with. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Board(Integer number, String ts, String tok, Integer count) {
    }

    /** Why an operation failed or is in doubt: a protocol error code, and what lockout said. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Failure(String code, String message, Integer left, Long retry) {
    }

    /** A chat message arriving at {@code u}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(String from, long mid, long seq, String tok, String mode) {
    }

    /**
     * A fault starting or ending; {@code lateMs}, how long after its scheduled moment it took
     * effect (a busy Toxiproxy answers slowly), absent for histories recorded before it was kept.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fault(int id, String kind, List<String> groups, String phase, String description, Long lateMs) {
        public Fault(int id, String kind, List<String> groups, String phase, String description) {
            this(id, kind, groups, phase, description, null);
        }
    }

    /**
     * A file sent peer to peer: its name, size and SHA-256; on the sender's completion, the
     * recipients it did not reach ({@code failed}, with the reasons in the failure).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileInfo(String name, long size, String sha256, List<String> failed) {
    }

    /**
     * Contact tracing: a tempID issued, beaconed or heard ({@code valid} for a heard beacon), or
     * an upload: the tempIDs uploaded, and whom the server traced and what it could not.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trace(String tempId, Boolean valid, List<String> uploaded, List<Traced> contacts, List<String> unmatched) {
    }

    /**
     * Deliveries to {@code u} still missing when the drain's bound passed, and what its link
     * showed over the last second: whether it was connected, the chat messages and bytes it
     * read, the bytes of a frame still arriving (a long page on a slow link), how long since its
     * last whole frame, and the events it had received but not yet handled. {@code flowing} says
     * the link was still delivering, so the messages may yet have arrived.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pending(List<String> toks, int count, boolean connected, long deliveredLastSecond, long bytesLastSecond,
            long partialFrameBytes, long msSinceLastFrame, int eventsQueued, String link, boolean flowing) {
    }

    /** A contact the server named: the user who held the tempID. */
    public record Traced(String user, String tempId) {
    }

    public static final String NEMESIS = "nemesis";

    public boolean is(Op op) {
        return op == f;
    }

    /** An event with nothing but its time, process, type, operation and account. */
    public static Event of(long t, String p, Type type, Op f, String u) {
        return new Event(0, t, p, type, f, u, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    Event withIndex(long index) {
        return new Event(index, t, p, type, f, u, due, target, right, chat, board, failure, delivery, fault, file, trace, pending, direct);
    }

    public Event withDue(Long value) {
        return new Event(i, t, p, type, f, u, value, target, right, chat, board, failure, delivery, fault, file, trace, pending, direct);
    }

    public Event withTarget(String value) {
        return new Event(i, t, p, type, f, u, due, value, right, chat, board, failure, delivery, fault, file, trace, pending, direct);
    }

    public Event withRight(Boolean value) {
        return new Event(i, t, p, type, f, u, due, target, value, chat, board, failure, delivery, fault, file, trace, pending, direct);
    }

    public Event withChat(Chat value) {
        return new Event(i, t, p, type, f, u, due, target, right, value, board, failure, delivery, fault, file, trace, pending, direct);
    }

    public Event withBoard(Board value) {
        return new Event(i, t, p, type, f, u, due, target, right, chat, value, failure, delivery, fault, file, trace, pending, direct);
    }

    public Event withFailure(Failure value) {
        return new Event(i, t, p, type, f, u, due, target, right, chat, board, value, delivery, fault, file, trace, pending, direct);
    }

    public Event withDelivery(Delivery value) {
        return new Event(i, t, p, type, f, u, due, target, right, chat, board, failure, value, fault, file, trace, pending, direct);
    }

    public Event withFault(Fault value) {
        return new Event(i, t, p, type, f, u, due, target, right, chat, board, failure, delivery, value, file, trace, pending, direct);
    }

    public Event withFile(FileInfo value) {
        return new Event(i, t, p, type, f, u, due, target, right, chat, board, failure, delivery, fault, value, trace, pending, direct);
    }

    public Event withTrace(Trace value) {
        return new Event(i, t, p, type, f, u, due, target, right, chat, board, failure, delivery, fault, file, value, pending, direct);
    }

    public Event withPending(Pending value) {
        return new Event(i, t, p, type, f, u, due, target, right, chat, board, failure, delivery, fault, file, trace, value, direct);
    }

    public Event withDirect(Direct value) {
        return new Event(i, t, p, type, f, u, due, target, right, chat, board, failure, delivery, fault, file, trace, pending,
                value);
    }

    /** The same event at another time. */
    public Event at(long time) {
        return new Event(i, time, p, type, f, u, due, target, right, chat, board, failure, delivery, fault, file, trace, pending, direct);
    }

    /** The completion of this invocation at {@code time}: same process, operation, account and arguments. */
    public Event completed(long time, Type outcome) {
        return new Event(0, time, p, outcome, f, u, due, target, right, chat, board, null, null, null, file, trace, null, direct);
    }
}
