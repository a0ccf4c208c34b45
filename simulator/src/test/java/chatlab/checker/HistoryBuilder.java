package chatlab.checker;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import java.util.ArrayList;
import java.util.List;

/** Writes small histories by hand for checker tests; time advances 1 ms per event unless set. */
public final class HistoryBuilder {
    private final List<Event> events = new ArrayList<>();
    private long t;

    HistoryBuilder at(long micros) {
        t = micros;
        return this;
    }

    private HistoryBuilder add(String p, Type type, Op f, String u, String target, Boolean right, Event.Chat chat,
            Event.Failure failure, Event.Delivery delivery) {
        events.add(new Event(events.size(), t, p, type, f, u, null, target, right, chat, null, failure, delivery, null,
                null, null, null));
        t += 1_000;
        return this;
    }

    public HistoryBuilder login(String user) {
        add(user, Type.INVOKE, Op.LOGIN, user, null, null, null, null, null);
        return add(user, Type.OK, Op.LOGIN, user, null, null, null, null, null);
    }

    public HistoryBuilder logout(String user) {
        add(user, Type.INVOKE, Op.LOGOUT, user, null, null, null, null, null);
        return add(user, Type.OK, Op.LOGOUT, user, null, null, null, null, null);
    }

    HistoryBuilder block(String user, String target) {
        add(user, Type.INVOKE, Op.BLOCK, user, target, null, null, null, null);
        return add(user, Type.OK, Op.BLOCK, user, target, null, null, null, null);
    }

    /** A send and its completion: ok, or fail/info when {@code code} is given. */
    public HistoryBuilder send(String user, long n, String mode, List<String> to, List<String> except, Type outcome, String code,
            List<String> blockedBy) {
        String tok = DeliveryChecker.token(user, n);
        add(user, Type.INVOKE, Op.SEND, user, null, null, new Event.Chat(mode, to, except, tok, null, null, null, null),
                null, null);
        Event.Chat result = outcome == Type.OK ? new Event.Chat(mode, to, except, tok, 100 + n, to.size(), 0, blockedBy)
                : new Event.Chat(mode, to, except, tok, null, null, null, null);
        return add(user, outcome, Op.SEND, user, null, null, result, code == null ? null
                : new Event.Failure(code, code, null, null), null);
    }

    /** A group message and its acknowledgement. */
    HistoryBuilder group(String user, long n, String group) {
        String tok = DeliveryChecker.token(user, n);
        add(user, Type.INVOKE, Op.SEND, user, null, null,
                new Event.Chat("group", List.of(), List.of(), tok, null, null, null, null, group), null, null);
        return add(user, Type.OK, Op.SEND, user, null, null,
                new Event.Chat("group", List.of(), List.of(), tok, 100 + n, 1, 0, List.of(), group), null, null);
    }

    public HistoryBuilder unicast(String user, long n, String to) {
        return send(user, n, "unicast", List.of(to), List.of(), Type.OK, null, List.of());
    }

    public HistoryBuilder deliver(String to, String from, long n) {
        return add(to, Type.EVENT, Op.DELIVER, to, null, null, null, null,
                new Event.Delivery(from, 100 + n, n, DeliveryChecker.token(from, n), "unicast"));
    }

    /** The nemesis strikes ({@code phase} start) or heals (stop): {@code kind} is kill, pause, partition, ... */
    HistoryBuilder fault(int id, String kind, String phase) {
        events.add(new Event(events.size(), t, Event.NEMESIS, Type.EVENT, Op.FAULT, null, null, null, null, null, null,
                null, null, new Event.Fault(id, kind, List.of(), phase, kind), null, null, null));
        t += 1_000;
        return this;
    }

    /** At the drain's bound, {@code to} still missed {@code from}'s message {@code n}, on a link that was or was not flowing. */
    HistoryBuilder pending(String to, String from, long n, boolean flowing) {
        events.add(Event.of(t, "drain", Type.EVENT, Op.PENDING, to).withPending(new Event.Pending(
                List.of(DeliveryChecker.token(from, n)), 1, true, flowing ? 12 : 0, flowing ? 4_000 : 0, 0,
                flowing ? 20 : 9_000, 0,
                "slicer 1 B every 10µs", flowing)));
        t += 1_000;
        return this;
    }

    HistoryBuilder end() {
        return add("sim", Type.EVENT, Op.END, null, null, null, null, null, null);
    }

    /** An attacker's attempt on {@code victim}: {@code code} null for ok, "info" for no answer. */
    HistoryBuilder attempt(String attacker, String victim, boolean right, long start, long end, String code, Integer left) {
        t = start;
        add(attacker, Type.INVOKE, Op.LOGIN, victim, null, right, null, null, null);
        t = end;
        Type type = code == null ? Type.OK : code.equals("info") ? Type.INFO : Type.FAIL;
        Event.Failure failure = code == null || code.equals("info") ? null : new Event.Failure(code, code, left, null);
        return add(attacker, type, Op.LOGIN, victim, null, right, null, failure, null);
    }

    public List<Event> build() {
        return List.copyOf(events);
    }
}
