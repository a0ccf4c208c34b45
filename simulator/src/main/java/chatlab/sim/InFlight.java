package chatlab.sim;

import chatlab.checker.Audience;
import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The simulator's live count of acknowledged deliveries not yet seen, kept from the same events
 * the history gets and by the delivery checker's own rule of who a message is for. The drain
 * waits on it: it ends when nothing acknowledged is still on its way to a recipient. A process
 * that runs one shard watches only its own recipients. Under a promise that holds nothing for
 * users who are offline ({@link chatlab.driver.Promise#onlineOnly()}, for some or all ways of
 * sending), a message sent that way is owed only to recipients logged in when it is
 * acknowledged, and a recipient who leaves is owed nothing more of it.
 */
final class InFlight implements Consumer<Event> {
    private final Audience audience;
    private final Predicate<String> watched;
    /**
     * Message token → what is known of it. Each token's entry changes atomically on its own, so
     * the users' threads, which all report here, do not queue on one lock (with one, this was
     * the simulator's largest cost at a few thousand messages a second).
     */
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final chatlab.driver.Promise promise;
    /** Whether any way of sending is online only: then who is logged in is followed. */
    private final boolean onlineOnly;
    /** Under an online-only promise, who is logged in now. */
    private final Set<String> online = ConcurrentHashMap.newKeySet();

    /**
     * A message as far as it is known, never changed once made (a reader may walk it while a
     * user's thread replaces it): {@code owed}, the watched recipients it has not reached
     * yet once its sender heard the acknowledgement (null before); {@code arrived}, whom it
     * reached before that; {@code onlineOnly}, whether it was sent a way the promise keeps
     * for those online only.
     */
    private record Token(Set<String> owed, Set<String> arrived, boolean onlineOnly) {
    }

    InFlight(Audience audience, Predicate<String> watched) {
        this(audience, watched, chatlab.driver.Promise.EXACTLY_ONCE_IN_ORDER);
    }

    InFlight(Audience audience, Predicate<String> watched, chatlab.driver.Promise promise) {
        this.audience = audience;
        this.watched = watched;
        this.promise = promise;
        this.onlineOnly = promise.anyOnlineOnly();
    }

    @Override
    public void accept(Event e) {
        if (onlineOnly && (e.is(Op.LOGIN) || e.is(Op.RECONNECT)) && e.type() == Type.OK) {
            online.add(e.u());
        } else if (onlineOnly && ((e.is(Op.LOGOUT) && e.type() == Type.INVOKE) || e.is(Op.LOST))) {
            online.remove(e.u());
            forget(e.u());
        } else if (e.is(Op.SEND) && e.type().completion() && e.chat() != null && e.chat().tok() != null) {
            String tok = e.chat().tok();
            if (e.type() != Type.OK) {
                tokens.remove(tok); // refused or in doubt: nothing is owed
                return;
            }
            List<String> recipients = audience.recipients(e.chat(), e.u()).stream().filter(watched)
                    .filter(r -> !promise.onlineOnly(e.chat().mode()) || online.contains(r)).toList();
            tokens.compute(tok, (t, known) -> {
                Set<String> owed = new HashSet<>(recipients);
                if (known != null) {
                    owed.removeAll(known.arrived());
                }
                return owed.isEmpty() ? null : new Token(Set.copyOf(owed), Set.of(), promise.onlineOnly(e.chat().mode()));
            });
        } else if (e.is(Op.DELIVER) && e.delivery() != null) {
            tokens.compute(e.delivery().tok(), (t, known) -> {
                if (known == null) {
                    return new Token(null, Set.of(e.u()), false);
                }
                if (known.owed() == null) {
                    Set<String> arrived = new HashSet<>(known.arrived());
                    arrived.add(e.u());
                    return new Token(null, Set.copyOf(arrived), false);
                }
                Set<String> owed = new HashSet<>(known.owed());
                owed.remove(e.u());
                return owed.isEmpty() ? null : new Token(Set.copyOf(owed), Set.of(), known.onlineOnly());
            });
        }
    }

    /** A recipient who left is owed nothing more of what was sent a way kept for those online only. */
    private void forget(String user) {
        for (String tok : tokens.keySet()) {
            tokens.computeIfPresent(tok, (t, known) -> {
                if (known.owed() == null || !known.onlineOnly() || !known.owed().contains(user)) {
                    return known;
                }
                Set<String> owed = new HashSet<>(known.owed());
                owed.remove(user);
                return owed.isEmpty() ? null : new Token(Set.copyOf(owed), known.arrived(), true);
            });
        }
    }

    /** How many acknowledged deliveries are still on their way. */
    long count() {
        return tokens.values().stream().filter(t -> t.owed() != null).mapToLong(t -> t.owed().size()).sum();
    }

    /** The tokens each recipient still waits for. */
    Map<String, List<String>> byRecipient() {
        Map<String, List<String>> out = new HashMap<>();
        tokens.forEach((tok, known) -> {
            if (known.owed() != null) {
                known.owed().forEach(r -> out.computeIfAbsent(r, k -> new ArrayList<>()).add(tok));
            }
        });
        return out;
    }
}
