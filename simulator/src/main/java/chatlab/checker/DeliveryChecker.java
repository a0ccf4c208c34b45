package chatlab.checker;

import chatlab.driver.Promise;
import chatlab.history.Event;
import chatlab.history.Type;
import chatlab.nemesis.Nemesis;
import chatlab.workload.ServerCrash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every message the server acknowledged reaches every intended recipient exactly once, and
 * each recipient gets each sender's messages in the order they were sent. Intended means: the
 * named users, or every other chatting user (all but the excluded, for blockcast), less those
 * who block the sender, who must never get it. A refused message reaches no one; one in doubt
 * reaches all its recipients or none. A recipient who was not logged in when the run ended,
 * and never got a message, makes that message unknown rather than lost; so does one whose link
 * was still delivering when the drain's bound passed (its {@code pending} event says so). A
 * message missing at a recipient who was logged in, on a link gone quiet, is lost. That is
 * chatlab's promise; a run of another protocol is judged by its driver's ({@link Promise}): where
 * it is at least once, a second copy is counted, not a violation, and where it makes no promise
 * of order, none is checked. Where it holds nothing for users who are offline (online only), a
 * recipient who was not logged in when a message was sent, or left within {@link #AWAY_GRACE_MICROS}
 * of its acknowledgement without it, is counted as having missed it while away. Where its promise
 * does not outlive a crash, what a killed server held may be lost ({@code lostInCrash}), and what
 * it delivered before the kill may come again after its restart ({@code repeatedAfterCrash}: it
 * forgot that it had), each counted. Any other loss, copy or reordering is a violation.
 */
public final class DeliveryChecker implements Checker {
    /**
     * Under an online-only promise, how long after a message's acknowledgement a recipient who
     * leaves may still miss it (it may have been on its way); after that it should long have
     * arrived, since one is delivered in milliseconds here, and missing it is a loss.
     */
    static final long AWAY_GRACE_MICROS = 5_000_000;

    /** A send: its completion (or its invocation while it has none), and when it was invoked. */
    private record Send(Event completion, String sender, long number, int index, long invoked) {
    }

    @Override
    public String name() {
        return "delivery";
    }

    @Override
    public Verdict check(List<Event> history, CheckContext context) {
        Set<String> blocks = new HashSet<>();
        Audience audience = new Audience(context.chatUsers(), blocks, context.chatGroups());
        Map<String, Send> sends = new LinkedHashMap<>();
        Map<String, Boolean> online = new HashMap<>();
        boolean ended = false;
        List<Event> deliveries = new ArrayList<>();
        Map<String, Event.Pending> pending = new HashMap<>();
        // when the server was back after each kill, µs (a kill with no restart recorded: never)
        Map<Integer, Long> crashes = new LinkedHashMap<>();
        Map<String, List<Long>> logins = new HashMap<>(); // when each user logged in, µs
        Map<String, List<Long>> leaves = new HashMap<>(); // when each user logged out or lost its connection, µs
        for (Event e : history) {
            if (ended) {
                continue; // what happens after the end marker (logging everyone out) is not checked
            }
            switch (e.f()) {
                case SEND -> {
                    // an invoke stands for the send until it completes: one never completed is in doubt
                    if ((e.type().completion() || e.type() == Type.INVOKE) && e.chat() != null && e.chat().tok() != null) {
                        Send before = sends.get(e.chat().tok());
                        sends.put(e.chat().tok(), new Send(e, e.u(), tokenNumber(e.chat().tok()), sends.size(),
                                before == null ? e.t() : before.invoked()));
                    }
                }
                case BLOCK -> {
                    if (e.type() == Type.OK) {
                        blocks.add(Audience.pair(e.u(), e.target()));
                    }
                }
                case LOGIN, RECONNECT -> {
                    if (e.type() == Type.OK) {
                        online.put(e.u(), true);
                        logins.computeIfAbsent(e.u(), u -> new ArrayList<>()).add(e.t());
                    }
                }
                case LOGOUT -> {
                    if (e.type() == Type.INVOKE) {
                        online.put(e.u(), false);
                        leaves.computeIfAbsent(e.u(), u -> new ArrayList<>()).add(e.t());
                    }
                }
                case LOST -> {
                    online.put(e.u(), false);
                    leaves.computeIfAbsent(e.u(), u -> new ArrayList<>()).add(e.t());
                }
                case DELIVER -> deliveries.add(e);
                case PENDING -> pending.put(e.u(), e.pending());
                case FAULT -> {
                    if (ServerCrash.KIND.equals(e.fault().kind()) && Nemesis.START.equals(e.fault().phase())) {
                        crashes.put(e.fault().id(), Long.MAX_VALUE);
                    } else if (ServerCrash.KIND.equals(e.fault().kind()) && Nemesis.STOP.equals(e.fault().phase())) {
                        crashes.put(e.fault().id(), e.t());
                    }
                }
                case END -> ended = true;
                default -> { }
            }
        }
        Evidence problems = new Evidence();
        Map<String, Integer> received = new HashMap<>();
        Map<String, Long> lastFromSender = new HashMap<>();
        Promise promise = context.promise();
        long duplicates = 0;
        long repeatedAfterCrash = 0;
        Map<String, Long> firstDelivered = new HashMap<>(); // by message and recipient, µs
        long lostInCrash = 0;
        long missedWhileAway = 0;
        long partlyDelivered = 0;
        for (Event d : deliveries) {
            Send s = sends.get(d.delivery().tok());
            String r = d.u();
            if (s == null) {
                problems.add("unknown", r + " got " + d.delivery().tok() + " (message " + d.delivery().mid()
                        + "), which no one sent");
                continue;
            }
            if (s.completion().type() == Type.FAIL) {
                problems.add("refused but delivered", s.completion().chat().tok() + " was refused ("
                        + s.completion().failure().code() + ") yet reached " + r + " at t=" + d.t() + "µs");
            } else if (!audience.intended(s.completion().chat(), s.sender(), r)) {
                problems.add("unintended", s.completion().chat().tok() + " (" + s.completion().chat().mode() + ") reached "
                        + r + (audience.blocks(r, s.sender()) ? ", who blocks " + s.sender() : "")
                        + " at t=" + d.t() + "µs");
            }
            String copy = s.completion().chat().tok() + "\u0000" + r;
            int count = received.merge(copy, 1, Integer::sum);
            long first = firstDelivered.computeIfAbsent(copy, k -> d.t());
            if (count > 1 && !promise.durable() && restartedBetween(crashes.values(), first, d.t())) {
                // the server forgot across the crash that it had delivered it: its promise does not
                // outlive a crash, so a copy again, and out of its order, is counted, not a violation
                repeatedAfterCrash++;
                continue;
            }
            if (count > 1 && promise.allowsDuplicates()) {
                duplicates++; // the protocol's promise allows it: counted, not a violation
            } else if (count == 2) {
                problems.add("duplicated", s.completion().chat().tok() + " reached " + r + " twice (again at t="
                        + d.t() + "µs)");
            }
            String pair = r + "\u0000" + s.sender() + "\u0000"
                    + promise.route(s.completion().chat().mode(), s.completion().chat().group());
            Long last = lastFromSender.get(pair);
            if (last != null && s.number() < last && promise.orderedPerSender()) {
                problems.add("reordered", r + " got " + s.completion().chat().tok() + " after " + s.sender() + "#" + last);
            }
            lastFromSender.merge(pair, s.number(), Math::max);
        }
        long acknowledged = 0;
        long indeterminate = 0;
        long unknown = 0;
        long inFlight = 0;
        Evidence flowing = new Evidence();
        long expected = 0;
        for (Send s : sends.values()) {
            Event c = s.completion();
            if (c.type() == Type.FAIL) {
                continue;
            }
            List<String> recipients = audience.recipients(c.chat(), s.sender());
            int got = 0;
            List<String> missing = new ArrayList<>();
            for (String r : recipients) {
                if (received.containsKey(c.chat().tok() + "\u0000" + r)) {
                    got++;
                } else {
                    missing.add(r);
                }
            }
            if (c.type() == Type.OK) {
                acknowledged++;
                expected += recipients.size();
                checkBlockedBy(s, audience, problems);
                for (String r : missing) {
                    Event.Pending link = pending.get(r);
                    if (promise.onlineOnly(c.chat().mode()) && away(logins.getOrDefault(r, List.of()), leaves.getOrDefault(r, List.of()),
                            s.invoked(), c.t())) {
                        missedWhileAway++; // the protocol holds nothing for a user who is not there
                    } else if (!Boolean.TRUE.equals(online.get(r))) {
                        unknown++;
                    } else if (!promise.durable()
                            && lostToACrash(crashes.values(), logins.getOrDefault(r, List.of()), s.invoked(), c.t())) {
                        lostInCrash++; // the server's promise does not outlive a crash, and a crash may have taken it
                    } else if (link != null && link.flowing()) {
                        inFlight++;
                        flowing.add("in flight", c.chat().tok() + " to " + r + ": " + describe(link));
                    } else {
                        problems.add("lost", c.chat().tok() + " (" + c.chat().mode() + ", acknowledged at t=" + c.t()
                                + "µs) never reached " + r + ", who was logged in when the run ended"
                                + (link == null ? "" : "; " + describe(link)));
                    }
                }
            } else {
                indeterminate++;
                // a recipient whose link was still delivering at the drain's bound may yet get it
                List<String> surelyMissing = missing.stream().filter(r -> Boolean.TRUE.equals(online.get(r))
                        && (pending.get(r) == null || !pending.get(r).flowing())).toList();
                if (got > 0 && !surelyMissing.isEmpty() && !promise.allOrNothing()) {
                    partlyDelivered++; // a copy to each recipient: the promise does not say all or none
                } else if (got > 0 && !surelyMissing.isEmpty()) {
                    problems.add("partly delivered", c.chat().tok() + " (in doubt: " + code(c) + ") reached " + got
                            + " of its " + recipients.size() + " recipients; not " + String.join(", ",
                                    surelyMissing.stream().limit(3).toList()) + (surelyMissing.size() > 3 ? ", ..." : ""));
                } else if (got > 0 && missing.stream().anyMatch(r -> Boolean.TRUE.equals(online.get(r)))) {
                    inFlight++;
                    flowing.add("in flight", c.chat().tok() + " (in doubt) reached " + got + " of its "
                            + recipients.size() + " recipients; the others' links were still delivering");
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("acknowledged", acknowledged);
        counts.put("inDoubt", indeterminate);
        counts.put("expectedDeliveries", expected);
        counts.put("deliveries", (long) deliveries.size());
        counts.put("unknown", unknown);
        counts.put("inFlight", inFlight);
        if (promise.allowsDuplicates()) {
            counts.put("allowedDuplicates", duplicates);
        }
        if (!promise.durable()) {
            counts.put("lostInCrash", lostInCrash);
            counts.put("repeatedAfterCrash", repeatedAfterCrash);
        }
        if (promise.anyOnlineOnly()) {
            counts.put("missedWhileAway", missedWhileAway);
        }
        if (!promise.allOrNothing()) {
            counts.put("partlyDeliveredInDoubt", partlyDelivered);
        }
        counts.putAll(problems.counts());
        if (!problems.isEmpty()) {
            return new Verdict(name(), Validity.INVALID, problems.describe() + " among " + deliveries.size()
                    + " deliveries of " + acknowledged + " acknowledged messages", counts, problems.kept());
        }
        if (unknown > 0 || inFlight > 0) {
            List<String> why = new ArrayList<>();
            if (unknown > 0) {
                why.add(unknown + " deliveries could not be checked: their recipients were not logged in when the run ended");
            }
            if (inFlight > 0) {
                why.add(inFlight + " deliveries were still in flight when the drain's bound passed, on links still delivering");
            }
            return new Verdict(name(), Validity.UNKNOWN, String.join("; ", why), counts, flowing.kept());
        }
        String kept = promise.equals(Promise.EXACTLY_ONCE_IN_ORDER) ? "exactly once, in order"
                : promise.describe() + (promise.allowsDuplicates() ? " (" + duplicates + " duplicates, which that allows)" : "")
                        + (lostInCrash > 0 ? ", save " + lostInCrash + " deliveries lost with the server when it was "
                                + "killed, which that allows" : "")
                        + (repeatedAfterCrash > 0 ? ", save " + repeatedAfterCrash + " delivered again after the server "
                                + "was killed and restarted, which that allows" : "")
                        + (missedWhileAway > 0 ? ", save " + missedWhileAway + " deliveries to users who were away when "
                                + "they were sent or left as they came, which that allows" : "");
        return new Verdict(name(), Validity.VALID, "all " + acknowledged + " acknowledged messages reached their "
                + expected + " recipients " + kept + (indeterminate == 0 ? "" : "; the " + indeterminate
                + " sent in doubt reached all their recipients or none"), counts, List.of());
    }

    /**
     * Whether the server came back from a kill between a message's first delivery to a recipient,
     * at {@code first}, and another, at {@code again}, given when it was back after each kill
     * ({@code restarts}): a server that keeps nothing for sure across a crash may have lost the
     * record that it delivered the message and deliver it again from what it kept.
     */
    static boolean restartedBetween(java.util.Collection<Long> restarts, long first, long again) {
        return restarts.stream().anyMatch(k -> first < k && k <= again);
    }

    /**
     * Whether a server that keeps nothing across a crash may have lost a message sent at
     * {@code sent} and acknowledged at {@code acknowledged}, for a recipient who logged in at
     * {@code logins}, given when the server was back after each kill ({@code restarts}): the
     * server that acknowledged it was killed later (it was acknowledged before the restart), or
     * the recipient had not logged in to the restarted server before the send (its session, and
     * what was to be kept for it, died with the old one; a broker hands a message to the
     * sessions there when it arrives, before it acknowledges it). A kill is recorded as it is
     * about to strike, so a login or an acknowledgement before the restart belongs to the old server.
     */
    static boolean lostToACrash(java.util.Collection<Long> restarts, List<Long> logins, long sent, long acknowledged) {
        for (long k : restarts) {
            if (k >= acknowledged || logins.stream().noneMatch(l -> l > k && l <= sent)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a recipient who logged in at {@code logins} and left at {@code leaves} was away for
     * a message sent at {@code sent} and acknowledged at {@code acknowledged}: not logged in when
     * it was sent (a login still under way counts as not yet), or gone within {@link
     * #AWAY_GRACE_MICROS} of the acknowledgement.
     */
    static boolean away(List<Long> logins, List<Long> leaves, long sent, long acknowledged) {
        long joined = logins.stream().filter(l -> l <= sent).mapToLong(Long::longValue).max().orElse(-1);
        if (joined < 0 || leaves.stream().anyMatch(l -> l > joined && l <= sent)) {
            return true;
        }
        return leaves.stream().anyMatch(l -> l > sent && l <= acknowledged + AWAY_GRACE_MICROS);
    }

    private static void checkBlockedBy(Send s, Audience audience, Evidence problems) {
        Event.Chat chat = s.completion().chat();
        if (chat.blockedBy() == null || !(chat.mode().equals("unicast") || chat.mode().equals("multicast"))) {
            return;
        }
        Set<String> expected = new HashSet<>();
        for (String r : chat.to()) {
            if (audience.blocks(r, s.sender())) {
                expected.add(r);
            }
        }
        if (!expected.equals(new HashSet<>(chat.blockedBy()))) {
            problems.add("wrong blockedBy", chat.tok() + ": the server said " + chat.blockedBy() + " block "
                    + s.sender() + ", but " + expected + " do");
        }
    }

    private static String describe(Event.Pending link) {
        return "at the drain's bound its link (" + link.link() + ") was " + (link.connected() ? "connected" : "closed")
                + ", got " + link.deliveredLastSecond() + " messages and " + link.bytesLastSecond()
                + " bytes in the last second, " + link.partialFrameBytes() + " bytes of a frame still arriving, last "
                + "whole frame " + link.msSinceLastFrame()
                + " ms before, " + link.eventsQueued() + " events queued, " + link.count() + " deliveries missing";
    }

    private static String code(Event c) {
        return c.failure() == null ? "no answer" : c.failure().code();
    }

    /** A message token is {@code <sender>#<n>}, n counting that sender's messages from 1. */
    public static String token(String sender, long number) {
        return sender + "#" + number;
    }

    static long tokenNumber(String token) {
        int hash = token.lastIndexOf('#');
        try {
            return hash < 0 ? -1 : Long.parseLong(token.substring(hash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
