package chatlab.checker;

import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Direct messages between peers keep their promise: every message its sender saw delivered
 * reached its recipient exactly once; every message its sender saw held by relays reached its
 * recipient exactly once, or its sender was told it expired; no message is shown twice, none
 * is shown that was not sent, and no sender is told of a delivery that did not happen. A held
 * message whose hold had not run out (give or take two seconds) when the run ended, with
 * neither, is still held: counted, and the verdict cannot be valid while any is. Also measured: how many relayed messages
 * arrived, and how long after they were sent.
 */
public final class DirectChecker implements Checker {
    public static final String DELIVERED = "delivered";
    public static final String HELD = "held";
    public static final String NOT_HELD = "not_held";
    /**
     * How long after its hold runs out a sender may take to be told: a client checks every
     * second, and one that came back online waits {@link
     * chatlab.p2p.direct.DirectMessages.Settings#receiptWait()} for receipts held for it first.
     */
    static final long GRACE_MICROS = 2_000_000
            + chatlab.p2p.direct.DirectMessages.Settings.DEFAULT.receiptWait().toNanos() / 1_000;

    /** The token that starts direct message {@code n} of {@code user}'s. */
    public static String token(String user, long n) {
        return "dm:" + user + "#" + n;
    }

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public Verdict check(List<Event> history, CheckContext context) {
        Map<String, Event> sent = new LinkedHashMap<>();
        Map<String, Event> invoked = new HashMap<>();
        Map<String, List<Event>> shown = new HashMap<>();
        Set<String> toldLater = new HashSet<>();
        Set<String> toldExpired = new HashSet<>();
        Long end = null;
        for (Event e : history) {
            if (e.is(Op.END) && end == null) {
                end = e.t();
            }
            if (e.direct() == null) {
                continue;
            }
            String tok = e.direct().tok();
            switch (e.f()) {
                case DM -> {
                    if (e.type() == Type.INVOKE) {
                        invoked.put(tok, e);
                    } else {
                        sent.put(tok, e);
                    }
                }
                case DM_DELIVER -> shown.computeIfAbsent(tok, k -> new ArrayList<>()).add(e);
                case DM_LATER -> toldLater.add(tok);
                case DM_EXPIRED -> toldExpired.add(tok);
                default -> {
                }
            }
        }
        Evidence problems = new Evidence();
        long direct = 0;
        long held = 0;
        long notHeld = 0;
        long relayedArrived = 0;
        long expired = 0;
        long stillHeld = 0;
        long arrivedAfterFailure = 0;
        long expiredButShown = 0;
        List<Long> delays = new ArrayList<>();
        for (var s : shown.entrySet()) {
            Event first = s.getValue().getFirst();
            if (!invoked.containsKey(s.getKey())) {
                problems.add("unknown", first.u() + " was shown " + s.getKey() + ", which no one sent");
            } else if (!invoked.get(s.getKey()).target().equals(first.u())) {
                problems.add("misdelivered", first.u() + " was shown " + s.getKey() + ", sent to "
                        + invoked.get(s.getKey()).target());
            }
            if (s.getValue().size() > 1) {
                problems.add("shown twice", first.u() + " was shown " + s.getKey() + " " + s.getValue().size() + " times");
            }
        }
        for (var s : sent.entrySet()) {
            String tok = s.getKey();
            Event completion = s.getValue();
            boolean arrived = shown.containsKey(tok);
            String outcome = completion.direct() == null ? null : completion.direct().outcome();
            notHeld += NOT_HELD.equals(outcome) ? 1 : 0;
            if (DELIVERED.equals(outcome) && completion.type() == Type.OK) {
                direct++;
                if (!arrived) {
                    problems.add("lost", completion.u() + " was told " + tok + " reached " + completion.target()
                            + ", who was never shown it");
                }
            } else if (HELD.equals(outcome) && completion.type() == Type.OK) {
                held++;
                if (arrived) {
                    relayedArrived++;
                    delays.add(shown.get(tok).getFirst().t() - invoked.get(tok).t());
                } else if (toldExpired.contains(tok)) {
                    expired++;
                } else if (end != null && completion.direct().until() != null
                        && completion.direct().until() + GRACE_MICROS < end) {
                    problems.add("lost", completion.u() + "'s " + tok + " for " + completion.target() + " was held until "
                            + completion.direct().until() + " µs, before the end, and neither arrived nor was told expired");
                } else {
                    stillHeld++;
                }
            } else if (arrived) {
                arrivedAfterFailure++;
            }
            if (arrived && toldExpired.contains(tok)) {
                expiredButShown++; // its receipt was with a relay away when the sender looked: told later, if it comes
            }
            if (toldLater.contains(tok) && !arrived) {
                problems.add("false receipt", completion.u() + " was told " + tok + " reached " + completion.target()
                        + " later, who was never shown it");
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sent", (long) sent.size());
        counts.put("deliveredDirectly", direct);
        counts.put("held", held);
        counts.put("notHeld", notHeld);
        counts.put("relayedArrived", relayedArrived);
        counts.put("expired", expired);
        counts.put("stillHeld", stillHeld);
        counts.put("arrivedAfterReportedFailure", arrivedAfterFailure);
        counts.put("toldExpiredButShown", expiredButShown);
        counts.put("toldDeliveredLater", toldLater.stream().filter(shown::containsKey).count());
        delays.sort(null);
        if (!delays.isEmpty()) {
            counts.put("relayDelayP50Ms", delays.get((delays.size() - 1) / 2) / 1000);
            counts.put("relayDelayP90Ms", delays.get((int) Math.ceil(0.9 * delays.size()) - 1) / 1000);
            counts.put("relayDelayMaxMs", delays.getLast() / 1000);
        }
        counts.putAll(problems.counts());
        if (!problems.isEmpty()) {
            return new Verdict(name(), Validity.INVALID, problems.describe(), counts, problems.kept());
        }
        if (sent.isEmpty()) {
            return new Verdict(name(), Validity.UNKNOWN, "no direct message was sent", counts, List.of());
        }
        String summary = String.format("%d direct messages delivered straight and %d held by relays: every one shown once"
                + "; of those held, %d arrived later and %d expired with their senders told", direct, held, relayedArrived,
                expired);
        if (stillHeld > 0) {
            return new Verdict(name(), Validity.UNKNOWN, summary + "; " + stillHeld + " still held when the run ended, "
                    + "so not judged (give the drain longer than p2p.hold)", counts, List.of());
        }
        return new Verdict(name(), Validity.VALID, summary, counts, List.of());
    }
}
