package chatlab.sim;

import chatlab.checker.Audience;
import chatlab.checker.DeliveryChecker;
import chatlab.history.Event;
import chatlab.history.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The simulator's live count of acknowledged deliveries not yet seen, kept from the same events
 * the history gets and by the delivery checker's own rule of who a message is for. The drain
 * waits on it: it ends when nothing acknowledged is still on its way to a recipient. A process
 * that runs one shard watches only its own recipients.
 */
final class InFlight implements Consumer<Event> {
    private final Audience audience;
    private final Predicate<String> watched;
    /** Message token → watched recipients it has not reached yet. */
    private final Map<String, Set<String>> pending = new HashMap<>();
    /** Message token → recipients it reached before its sender heard the acknowledgement. */
    private final Map<String, Set<String>> early = new HashMap<>();

    InFlight(Audience audience, Predicate<String> watched) {
        this.audience = audience;
        this.watched = watched;
    }

    @Override
    public synchronized void accept(Event e) {
        if (e.is(DeliveryChecker.SEND) && e.type().completion() && e.chat() != null && e.chat().tok() != null) {
            Set<String> before = early.remove(e.chat().tok());
            if (e.type() != Type.OK) {
                return; // refused or in doubt: nothing is owed
            }
            Set<String> owed = new HashSet<>();
            for (String r : audience.recipients(e.chat(), e.u())) {
                if (watched.test(r) && (before == null || !before.contains(r))) {
                    owed.add(r);
                }
            }
            if (!owed.isEmpty()) {
                pending.put(e.chat().tok(), owed);
            }
        } else if (e.is(DeliveryChecker.DELIVER) && e.delivery() != null) {
            String tok = e.delivery().tok();
            Set<String> owed = pending.get(tok);
            if (owed != null) {
                owed.remove(e.u());
                if (owed.isEmpty()) {
                    pending.remove(tok);
                }
            } else {
                early.computeIfAbsent(tok, t -> new HashSet<>()).add(e.u());
            }
        }
    }

    /** How many acknowledged deliveries are still on their way. */
    synchronized long count() {
        return pending.values().stream().mapToLong(Set::size).sum();
    }

    /** The tokens each recipient still waits for. */
    synchronized Map<String, List<String>> byRecipient() {
        Map<String, List<String>> out = new HashMap<>();
        pending.forEach((tok, recipients) -> recipients.forEach(r -> out.computeIfAbsent(r, k -> new ArrayList<>()).add(tok)));
        return out;
    }
}
