package chatlab.checker;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.history.Event;
import chatlab.history.Type;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryCheckerTest {
    private static final CheckContext USERS = new CheckContext(List.of("alice", "bob", "carol"), 3, Duration.ofSeconds(10));

    private static Verdict check(HistoryBuilder h) {
        return new DeliveryChecker().check(h.build(), USERS);
    }

    private static HistoryBuilder everyoneIn() {
        return new HistoryBuilder().login("alice").login("bob").login("carol");
    }

    @Test
    void everyAudienceDeliveredOnceInOrderIsValid() {
        Verdict v = check(everyoneIn()
                .unicast("alice", 1, "bob").deliver("bob", "alice", 1)
                .send("alice", 2, "broadcast", List.of(), List.of(), Type.OK, null, null)
                .deliver("bob", "alice", 2).deliver("carol", "alice", 2)
                .send("bob", 1, "blockcast", List.of(), List.of("carol"), Type.OK, null, null).deliver("alice", "bob", 1)
                .send("carol", 1, "multicast", List.of("alice", "bob"), List.of(), Type.OK, null, List.of())
                .deliver("bob", "carol", 1).deliver("alice", "carol", 1)
                .end());
        assertThat(v.validity()).isEqualTo(Validity.VALID);
        assertThat(v.counts()).containsEntry("acknowledged", 4L).containsEntry("expectedDeliveries", 6L);
    }

    @Test
    void aGroupMessageIsOwedToTheOtherMembersOnly() {
        CheckContext groups = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of("g", List.of("alice", "bob")),
                3, Duration.ofSeconds(10));
        DeliveryChecker checker = new DeliveryChecker();
        assertThat(checker.check(everyoneIn().group("alice", 1, "g").deliver("bob", "alice", 1).end().build(), groups)
                .validity()).isEqualTo(Validity.VALID);
        Verdict lost = checker.check(everyoneIn().group("alice", 1, "g").end().build(), groups);
        assertThat(lost.counts()).containsEntry("lost", 1L);
        assertThat(lost.evidence()).singleElement().asString().contains("never reached bob");
        Verdict stray = checker.check(everyoneIn().group("alice", 1, "g").deliver("bob", "alice", 1)
                .deliver("carol", "alice", 1).end().build(), groups);
        assertThat(stray.validity()).as("carol is not a member").isEqualTo(Validity.INVALID);
    }

    @Test
    void anAcknowledgedMessageThatNeverArrivesIsLost() {
        Verdict v = check(everyoneIn().unicast("alice", 1, "bob").end());
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("lost", 1L);
        assertThat(v.evidence()).singleElement().asString().contains("alice#1").contains("never reached bob");
    }

    @Test
    void aMessageArrivingTwiceIsDuplicated() {
        Verdict v = check(everyoneIn().unicast("alice", 1, "bob").deliver("bob", "alice", 1).deliver("bob", "alice", 1).end());
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("duplicated", 1L);
    }

    @Test
    void underAnAtLeastOncePromiseASecondCopyIsCountedButALossIsStillAViolation() {
        CheckContext mqtt = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of(), 3, Duration.ofSeconds(10),
                new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_LEAST_ONCE, true, true));
        DeliveryChecker checker = new DeliveryChecker();
        Verdict twice = checker.check(everyoneIn().unicast("alice", 1, "bob").deliver("bob", "alice", 1)
                .deliver("bob", "alice", 1).end().build(), mqtt);
        assertThat(twice.validity()).isEqualTo(Validity.VALID);
        assertThat(twice.counts()).containsEntry("allowedDuplicates", 1L).doesNotContainKey("duplicated");
        assertThat(twice.summary()).contains("at least once, in order per sender (1 duplicates, which that allows)");
        Verdict lost = checker.check(everyoneIn().unicast("alice", 1, "bob").end().build(), mqtt);
        assertThat(lost.validity()).isEqualTo(Validity.INVALID);
        assertThat(lost.counts()).containsEntry("lost", 1L);
        Verdict reordered = checker.check(everyoneIn().unicast("alice", 1, "bob").unicast("alice", 2, "bob")
                .deliver("bob", "alice", 2).deliver("bob", "alice", 1).end().build(), mqtt);
        assertThat(reordered.counts()).as("order per sender is still promised").containsEntry("reordered", 1L);
        CheckContext anyOrder = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of(), 3,
                Duration.ofSeconds(10), new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_LEAST_ONCE, false, true));
        assertThat(checker.check(everyoneIn().unicast("alice", 1, "bob").unicast("alice", 2, "bob")
                .deliver("bob", "alice", 2).deliver("bob", "alice", 1).end().build(), anyOrder).validity())
                .isEqualTo(Validity.VALID);
    }

    @Test
    void aServerWhosePromiseDoesNotOutliveACrashMayLoseWhatItHeldWhenKilledButNothingAfter() {
        CheckContext volatileBroker = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of(), 3,
                Duration.ofSeconds(10), new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_LEAST_ONCE, true, false));
        DeliveryChecker checker = new DeliveryChecker();
        // alice#1 acknowledged, then the broker killed: gone with it
        Verdict crashed = checker.check(everyoneIn().unicast("alice", 1, "bob").fault(0, "kill", "start")
                .fault(0, "kill", "stop").login("bob").end().build(), volatileBroker);
        assertThat(crashed.validity()).isEqualTo(Validity.VALID);
        assertThat(crashed.counts()).containsEntry("lostInCrash", 1L);
        assertThat(crashed.summary()).contains("save 1 deliveries lost with the server when it was killed, which that allows");
        // after the crash bob logged in again: what is acknowledged for him after that is owed
        Verdict after = checker.check(everyoneIn().fault(0, "kill", "start").fault(0, "kill", "stop").login("bob")
                .unicast("alice", 1, "bob").end().build(), volatileBroker);
        assertThat(after.validity()).isEqualTo(Validity.INVALID);
        assertThat(after.counts()).containsEntry("lost", 1L);
        // carol had not logged in since the crash: her session died with the broker
        Verdict noSession = checker.check(everyoneIn().fault(0, "kill", "start").fault(0, "kill", "stop")
                .unicast("alice", 1, "carol").login("carol").end().build(), volatileBroker);
        assertThat(noSession.counts()).containsEntry("lostInCrash", 1L).doesNotContainKey("lost");
        // chatlab's promise is durable: the same loss is a violation
        Verdict durable = checker.check(everyoneIn().unicast("alice", 1, "bob").fault(0, "kill", "start")
                .fault(0, "kill", "stop").login("bob").end().build(), USERS);
        assertThat(durable.counts()).containsEntry("lost", 1L);
    }

    @Test
    void aServerWhosePromiseDoesNotOutliveACrashMayDeliverAgainAfterItsRestartButNotOtherwise() {
        CheckContext volatileServer = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of(), 3,
                Duration.ofSeconds(10), new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_MOST_ONCE, true, false));
        DeliveryChecker checker = new DeliveryChecker();
        // alice#1 reached bob, the server was killed and forgot it had, and gave it to him again after alice#2
        Verdict again = checker.check(everyoneIn().unicast("alice", 1, "bob").deliver("bob", "alice", 1)
                .fault(0, "kill", "start").fault(0, "kill", "stop").login("bob")
                .unicast("alice", 2, "bob").deliver("bob", "alice", 2).deliver("bob", "alice", 1).end().build(), volatileServer);
        assertThat(again.validity()).as(again.summary()).isEqualTo(Validity.VALID);
        assertThat(again.counts()).containsEntry("repeatedAfterCrash", 1L).doesNotContainKeys("duplicated", "reordered");
        assertThat(again.summary()).contains("save 1 delivered again after the server was killed and restarted");
        // no crash between the two copies: a duplicate, and out of order
        Verdict twice = checker.check(everyoneIn().fault(0, "kill", "start").fault(0, "kill", "stop").login("bob")
                .unicast("alice", 1, "bob").deliver("bob", "alice", 1).unicast("alice", 2, "bob")
                .deliver("bob", "alice", 2).deliver("bob", "alice", 1).end().build(), volatileServer);
        assertThat(twice.validity()).isEqualTo(Validity.INVALID);
        assertThat(twice.counts()).containsEntry("duplicated", 1L).containsEntry("reordered", 1L)
                .containsEntry("repeatedAfterCrash", 0L);
        // chatlab's promise is durable: a copy after a crash is a duplicate
        Verdict durable = checker.check(everyoneIn().unicast("alice", 1, "bob").deliver("bob", "alice", 1)
                .fault(0, "kill", "start").fault(0, "kill", "stop").login("bob").deliver("bob", "alice", 1).end().build(),
                USERS);
        assertThat(durable.counts()).containsEntry("duplicated", 1L).doesNotContainKey("repeatedAfterCrash");
    }

    @Test
    void underAPromiseOfOrderOnEachRouteADirectMessageMayBeOvertakenByABroadcastButNotByAnotherDirectOne() {
        CheckContext xmpp = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of(), 3, Duration.ofSeconds(10),
                new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_MOST_ONCE, true, false).perRoute());
        DeliveryChecker checker = new DeliveryChecker();
        Verdict acrossRoutes = checker.check(everyoneIn().unicast("alice", 1, "bob")
                .send("alice", 2, "broadcast", List.of(), List.of(), Type.OK, null, null)
                .deliver("bob", "alice", 2).deliver("carol", "alice", 2).deliver("bob", "alice", 1).end().build(), xmpp);
        assertThat(acrossRoutes.validity()).as(acrossRoutes.summary()).isEqualTo(Validity.VALID);
        Verdict direct = checker.check(everyoneIn().unicast("alice", 1, "bob").unicast("alice", 2, "bob")
                .deliver("bob", "alice", 2).deliver("bob", "alice", 1).end().build(), xmpp);
        assertThat(direct.counts()).containsEntry("reordered", 1L);
        Verdict chatlab = check(everyoneIn().unicast("alice", 1, "bob")
                .send("alice", 2, "broadcast", List.of(), List.of(), Type.OK, null, null)
                .deliver("bob", "alice", 2).deliver("carol", "alice", 2).deliver("bob", "alice", 1).end());
        assertThat(chatlab.counts()).as("chatlab keeps a sender's order whatever the way").containsEntry("reordered", 1L);
    }

    @Test
    void underAnOnlineOnlyPromiseAUserWhoWasAwayOrLeftAsItCameMissesItButOneWhoStayedMustGetIt() {
        CheckContext irc = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of(), 3, Duration.ofSeconds(10),
                new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_MOST_ONCE, true, false, true));
        DeliveryChecker checker = new DeliveryChecker();
        // bob was not logged in when alice sent: nothing is kept for him
        Verdict away = checker.check(new HistoryBuilder().login("alice").unicast("alice", 1, "bob").login("bob").end()
                .build(), irc);
        assertThat(away.validity()).isEqualTo(Validity.VALID);
        assertThat(away.counts()).containsEntry("missedWhileAway", 1L).doesNotContainKey("lost");
        assertThat(away.summary()).contains("at most once, in order per sender, not across a crash, only to users online")
                .contains("save 1 deliveries to users who were away when they were sent or left as they came");
        // bob left just after it was acknowledged: it may have been on its way
        Verdict left = checker.check(everyoneIn().unicast("alice", 1, "bob").logout("bob").login("bob").end().build(), irc);
        assertThat(left.counts()).containsEntry("missedWhileAway", 1L).doesNotContainKey("lost");
        // bob stayed: a loss is a violation
        Verdict lost = checker.check(everyoneIn().unicast("alice", 1, "bob").end().build(), irc);
        assertThat(lost.validity()).isEqualTo(Validity.INVALID);
        assertThat(lost.counts()).containsEntry("lost", 1L).containsEntry("missedWhileAway", 0L);
        // bob left long after: it should have reached him by then
        Verdict late = checker.check(everyoneIn().unicast("alice", 1, "bob").at(60_000_000).logout("bob").login("bob")
                .end().build(), irc);
        assertThat(late.counts()).containsEntry("lost", 1L);
        // bob was logged out before the send and logged in again only after it
        Verdict between = checker.check(everyoneIn().logout("bob").unicast("alice", 1, "bob").login("bob").end().build(), irc);
        assertThat(between.counts()).containsEntry("missedWhileAway", 1L).doesNotContainKey("lost");
        // at most once: a second copy is a violation
        assertThat(checker.check(everyoneIn().unicast("alice", 1, "bob").deliver("bob", "alice", 1)
                .deliver("bob", "alice", 1).end().build(), irc).counts()).containsEntry("duplicated", 1L)
                .doesNotContainKey("allowedDuplicates");
        // chatlab's promise holds messages for users who are away
        assertThat(checker.check(new HistoryBuilder().login("alice").unicast("alice", 1, "bob").login("bob").end()
                .build(), USERS).counts()).containsEntry("lost", 1L).doesNotContainKey("missedWhileAway");
    }

    @Test
    void aPromiseOnlineOnlyForSomeWaysOfSendingExcusesOnlyThose() {
        // XMPP's: a chat message is kept for a user who is offline, a room's message is not
        CheckContext xmpp = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of(), 3, Duration.ofSeconds(10),
                new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_MOST_ONCE, true, false,
                        java.util.EnumSet.of(chatlab.protocol.Audience.BROADCAST, chatlab.protocol.Audience.GROUP)));
        DeliveryChecker checker = new DeliveryChecker();
        Verdict broadcast = checker.check(new HistoryBuilder().login("alice").login("carol")
                .send("alice", 1, "broadcast", List.of(), List.of(), Type.OK, null, null).deliver("carol", "alice", 1)
                .login("bob").end().build(), xmpp);
        assertThat(broadcast.validity()).isEqualTo(Validity.VALID);
        assertThat(broadcast.counts()).containsEntry("missedWhileAway", 1L);
        assertThat(broadcast.summary()).contains("broadcast and group only to users online");
        Verdict unicast = checker.check(new HistoryBuilder().login("alice").unicast("alice", 1, "bob").login("bob").end()
                .build(), xmpp);
        assertThat(unicast.validity()).isEqualTo(Validity.INVALID);
        assertThat(unicast.counts()).containsEntry("lost", 1L).containsEntry("missedWhileAway", 0L);
    }

    @Test
    void aSendInDoubtThatReachedSomeOfItsRecipientsIsAViolationOnlyWhereThePromiseIsAllOrNothing() {
        HistoryBuilder partly = everyoneIn().send("alice", 1, "multicast", List.of("bob", "carol"), List.of(), Type.INFO,
                "timeout", null).deliver("bob", "alice", 1).end();
        Verdict whole = check(partly);
        assertThat(whole.validity()).isEqualTo(Validity.INVALID);
        assertThat(whole.counts()).containsEntry("partly delivered", 1L);
        CheckContext copies = new CheckContext(List.of("alice", "bob", "carol"), java.util.Map.of(), 3, Duration.ofSeconds(10),
                new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_LEAST_ONCE, true, false).piecemeal());
        Verdict mqtt = new DeliveryChecker().check(partly.build(), copies);
        assertThat(mqtt.validity()).isEqualTo(Validity.VALID);
        assertThat(mqtt.counts()).containsEntry("partlyDeliveredInDoubt", 1L).doesNotContainKey("partly delivered");
    }

    @Test
    void messagesArrivingOutOfTheSendersOrderAreReordered() {
        Verdict v = check(everyoneIn().unicast("alice", 1, "bob").unicast("alice", 2, "bob")
                .deliver("bob", "alice", 2).deliver("bob", "alice", 1).end());
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("reordered", 1L);
    }

    @Test
    void aBlockedSenderMustNeverGetThrough() {
        Verdict v = check(everyoneIn().block("carol", "alice")
                .send("alice", 1, "broadcast", List.of(), List.of(), Type.OK, null, null)
                .deliver("bob", "alice", 1).deliver("carol", "alice", 1).end());
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.evidence()).singleElement().asString().contains("unintended").contains("who blocks alice");
    }

    @Test
    void aBlockedRecipientIsNotExpected() {
        Verdict v = check(everyoneIn().block("carol", "alice")
                .send("alice", 1, "multicast", List.of("bob", "carol"), List.of(), Type.OK, null, List.of("carol"))
                .deliver("bob", "alice", 1).end());
        assertThat(v.validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void theServerMustNameWhoBlocksTheSender() {
        Verdict v = check(everyoneIn().block("carol", "alice")
                .send("alice", 1, "multicast", List.of("bob", "carol"), List.of(), Type.OK, null, List.of())
                .deliver("bob", "alice", 1).end());
        assertThat(v.counts()).containsEntry("wrong blockedBy", 1L);
    }

    @Test
    void aRecipientWhoNeverCameBackMakesItUnknownNotLost() {
        Verdict v = check(everyoneIn().logout("bob").unicast("alice", 1, "bob").end());
        assertThat(v.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(v.counts()).containsEntry("unknown", 1L);
    }

    @Test
    void aRefusedMessageMustReachNoOne() {
        Verdict v = check(everyoneIn().send("alice", 1, "unicast", List.of("bob"), List.of(), Type.FAIL,
                "recipient_blocked", null).deliver("bob", "alice", 1).end());
        assertThat(v.counts()).containsEntry("refused but delivered", 1L);
    }

    @Test
    void aMessageInDoubtReachesAllOrNone() {
        Verdict none = check(everyoneIn().send("alice", 1, "broadcast", List.of(), List.of(), Type.INFO, "timeout", null)
                .end());
        assertThat(none.validity()).isEqualTo(Validity.VALID);
        Verdict some = check(everyoneIn().send("alice", 1, "broadcast", List.of(), List.of(), Type.INFO, "timeout", null)
                .deliver("bob", "alice", 1).end());
        assertThat(some.counts()).containsEntry("partly delivered", 1L);
    }

    @Test
    void aDeliveryOfAMessageNoOneSentIsReported() {
        Verdict v = check(everyoneIn().deliver("bob", "alice", 9).end());
        assertThat(v.counts()).containsEntry("unknown", 1L);
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
    }

    @Test
    void eventsAfterTheEndAreNotChecked() {
        List<Event> history = everyoneIn().end().unicast("alice", 1, "bob").build();
        assertThat(new DeliveryChecker().check(history, USERS).validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void aMessageStillMissingOnALinkThatWasDeliveringIsInFlightNotLost() {
        Verdict v = check(everyoneIn().unicast("alice", 1, "bob").unicast("alice", 2, "bob").deliver("bob", "alice", 1)
                .pending("bob", "alice", 2, true).end());
        assertThat(v.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(v.counts()).containsEntry("inFlight", 1L).doesNotContainKey("lost");
        assertThat(v.summary()).contains("1 deliveries were still in flight");
        assertThat(v.evidence()).singleElement().asString().contains("alice#2 to bob", "slicer 1 B every 10µs",
                "got 12 messages and 4000 bytes in the last second");
    }

    @Test
    void aMessageMissingOnALinkGoneQuietIsLostWithTheLinkAsEvidence() {
        Verdict v = check(everyoneIn().unicast("alice", 1, "bob").pending("bob", "alice", 1, false).end());
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("lost", 1L).containsEntry("inFlight", 0L);
        assertThat(v.evidence()).singleElement().asString().contains("never reached bob", "was connected",
                "got 0 messages and 0 bytes in the last second", "last whole frame 9000 ms before");
    }

    @Test
    void aMessageInDoubtStillOnItsWayToSomeIsNotPartlyDelivered() {
        Verdict v = check(everyoneIn().send("alice", 1, "broadcast", List.of(), List.of(), Type.INFO, "timeout", null)
                .deliver("bob", "alice", 1).pending("carol", "alice", 1, true).end());
        assertThat(v.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(v.counts()).doesNotContainKey("partly delivered").containsEntry("inFlight", 1L);
        Verdict quiet = check(everyoneIn().send("alice", 1, "broadcast", List.of(), List.of(), Type.INFO, "timeout", null)
                .deliver("bob", "alice", 1).pending("carol", "alice", 1, false).end());
        assertThat(quiet.counts()).containsEntry("partly delivered", 1L);
        assertThat(quiet.evidence()).singleElement().asString().contains("not carol");
    }
}
