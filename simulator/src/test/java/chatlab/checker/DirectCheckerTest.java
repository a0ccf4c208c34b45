package chatlab.checker;

import chatlab.history.Op;
import static org.assertj.core.api.Assertions.assertThat;

import chatlab.history.Event;
import chatlab.history.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectCheckerTest {
    private final List<Event> history = new ArrayList<>();
    private long t;

    private void add(Event e) {
        history.add(new Event(history.size(), t, e.p(), e.type(), e.f(), e.u(), null, e.target(), null, null, null,
                e.failure(), null, null, null, null, null, e.direct()));
        t += 1_000_000; // a second an event
    }

    private static String tok(String user, long n) {
        return DirectChecker.token(user, n);
    }

    /** {@code from} sends {@code to} message {@code n}; it is delivered, held by {@code relays} until {@code until} µs, or not held. */
    private DirectCheckerTest dm(String from, long n, String to, String outcome, int relays, long until) {
        add(Event.of(0, from, Type.INVOKE, Op.DM, from).withTarget(to).withDirect(new Event.Direct(tok(from, n))));
        Event done = Event.of(0, from, outcome.equals(DirectChecker.NOT_HELD) ? Type.FAIL : Type.OK, Op.DM, from)
                .withTarget(to).withDirect(new Event.Direct(tok(from, n), outcome, relays, 100 + n, until));
        add(outcome.equals(DirectChecker.NOT_HELD) ? done.withFailure(new Event.Failure("not_held", "no relay", null, null))
                : done);
        return this;
    }

    private DirectCheckerTest shown(String to, String from, long n) {
        add(Event.of(0, to, Type.EVENT, Op.DM_DELIVER, to).withTarget(from).withDirect(new Event.Direct(tok(from, n))));
        return this;
    }

    private DirectCheckerTest told(Op f, String sender, long n, String recipient) {
        add(Event.of(0, sender, Type.EVENT, f, sender).withTarget(recipient)
                .withDirect(new Event.Direct(tok(sender, n), null, null, 100 + n, null)));
        return this;
    }

    private DirectCheckerTest end() {
        add(Event.of(0, "sim", Type.EVENT, Op.END, null));
        return this;
    }

    private Verdict check() {
        return new DirectChecker().check(history, null);
    }

    @Test
    void deliveredAndRelayedMessagesShownOnceAndAnExpiryToldAreValidAndMeasured() {
        dm("alice", 1, "bob", DirectChecker.DELIVERED, 0, 0).shown("bob", "alice", 1);
        dm("alice", 2, "erin", DirectChecker.HELD, 3, 60_000_000).shown("erin", "alice", 2)
                .told(Op.DM_LATER, "alice", 2, "erin");
        dm("bob", 1, "erin", DirectChecker.HELD, 2, 7_000_000).told(Op.DM_EXPIRED, "bob", 1, "erin");
        dm("carol", 1, "erin", DirectChecker.NOT_HELD, 0, 0);
        Verdict v = end().check();
        assertThat(v.validity()).isEqualTo(Validity.VALID);
        assertThat(v.summary()).isEqualTo("1 direct messages delivered straight and 2 held by relays: every one shown once; "
                + "of those held, 1 arrived later and 1 expired with their senders told");
        assertThat(v.counts()).containsEntry("held", 2L).containsEntry("notHeld", 1L).containsEntry("relayedArrived", 1L)
                .containsEntry("expired", 1L).containsEntry("toldDeliveredLater", 1L)
                .containsEntry("relayDelayP50Ms", 2_000L); // sent at 2 s, shown at 4 s
    }

    @Test
    void aMessageToldExpiredThatWasShownIsCountedNotAViolation() {
        // its receipt was with a relay away when its sender looked; the sender is told when it comes
        dm("alice", 1, "erin", DirectChecker.HELD, 3, 7_000_000).shown("erin", "alice", 1)
                .told(Op.DM_EXPIRED, "alice", 1, "erin");
        Verdict v = end().check();
        assertThat(v.validity()).isEqualTo(Validity.VALID);
        assertThat(v.counts()).containsEntry("toldExpiredButShown", 1L).containsEntry("relayedArrived", 1L);
    }

    @Test
    void aMessageShownTwiceOrToAnotherUserOrNeverSentIsAViolation() {
        dm("alice", 1, "bob", DirectChecker.DELIVERED, 0, 0).shown("bob", "alice", 1).shown("bob", "alice", 1);
        dm("alice", 2, "bob", DirectChecker.DELIVERED, 0, 0).shown("carol", "alice", 2).shown("bob", "alice", 2);
        shown("bob", "mallory", 9);
        Verdict v = end().check();
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("shown twice", 2L).containsEntry("misdelivered", 1L).containsEntry("unknown", 1L);
    }

    @Test
    void aDeliveredMessageNeverShownAndAFalseReceiptAreLosses() {
        dm("alice", 1, "bob", DirectChecker.DELIVERED, 0, 0);
        dm("alice", 2, "erin", DirectChecker.HELD, 3, 100_000_000).told(Op.DM_LATER, "alice", 2, "erin");
        Verdict v = end().check();
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("lost", 1L).containsEntry("false receipt", 1L);
        assertThat(v.evidence()).anyMatch(line -> line.startsWith("lost: alice was told dm:alice#1 reached bob"));
    }

    @Test
    void aSenderBackOnlineIsGivenTimeForReceiptsBeforeItsSilenceIsALoss() {
        dm("alice", 1, "erin", DirectChecker.HELD, 3, 1_000_000); // held until 1 s
        t += 4_000_000; // the run ends at 6 s: within the hold and its grace of 2 s and 7.75 s
        Verdict v = end().check();
        assertThat(v.counts()).containsEntry("stillHeld", 1L).doesNotContainKey("lost");
    }

    @Test
    void aHeldMessageIsLostWhenItsHoldRanOutUntoldAndUndecidedWhileItStillRuns() {
        dm("alice", 1, "erin", DirectChecker.HELD, 3, 1_000_000); // held until 1 s; the run ends at 24 s
        dm("alice", 2, "erin", DirectChecker.HELD, 3, 600_000_000); // held for ten minutes
        t += 20_000_000; // past the hold and the grace for telling (2 s, and 7.75 s waiting for receipts)
        Verdict v = end().check();
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("lost", 1L).containsEntry("stillHeld", 1L);

        history.clear();
        t = 0;
        dm("alice", 2, "erin", DirectChecker.HELD, 3, 600_000_000);
        Verdict undecided = end().check();
        assertThat(undecided.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(undecided.summary()).endsWith("1 still held when the run ended, so not judged (give the drain longer than p2p.hold)");
    }
}
