package chatlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Audience;
import chatlab.checker.HistoryBuilder;
import chatlab.history.Event;
import chatlab.history.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live count of acknowledged deliveries on their way, whichever of acknowledgement and delivery comes first. */
class InFlightTest {
    private static final Audience USERS = new Audience(List.of("alice", "bob", "carol"), Set.of());

    private static InFlight feed(HistoryBuilder history) {
        InFlight inFlight = new InFlight(USERS, user -> true);
        history.build().forEach(inFlight);
        return inFlight;
    }

    @Test
    void aDeliveryCountsWhetherItComesBeforeOrAfterTheAcknowledgement() {
        assertThat(feed(new HistoryBuilder().unicast("alice", 1, "bob")).count()).isEqualTo(1);
        assertThat(feed(new HistoryBuilder().unicast("alice", 1, "bob").deliver("bob", "alice", 1)).count()).isZero();
        // the server queues the copy before it answers the sender: the delivery is seen first
        HistoryBuilder early = new HistoryBuilder().deliver("bob", "alice", 1).unicast("alice", 1, "bob");
        assertThat(feed(early).count()).isZero();
        InFlight multicast = feed(new HistoryBuilder().deliver("carol", "alice", 2)
                .send("alice", 2, "multicast", List.of("bob", "carol"), List.of(), Type.OK, null, List.of()));
        assertThat(multicast.count()).isEqualTo(1);
        assertThat(multicast.byRecipient()).isEqualTo(Map.of("bob", List.of("alice#2")));
    }

    @Test
    void aRefusedSendOwesNothingAndOnlyWatchedRecipientsCount() {
        InFlight refused = feed(new HistoryBuilder()
                .send("alice", 1, "unicast", List.of("bob"), List.of(), Type.FAIL, "RECIPIENT_BLOCKED", null));
        assertThat(refused.count()).isZero();
        InFlight shard = new InFlight(USERS, user -> !user.equals("bob"));
        new HistoryBuilder().send("alice", 1, "broadcast", List.of(), List.of(), Type.OK, null, List.of()).build()
                .forEach(shard);
        assertThat(shard.byRecipient()).containsOnlyKeys("carol");
    }

    @Test
    void underAnOnlineOnlyPromiseOnlyRecipientsLoggedInAreOwedAndOneWhoLeavesIsOwedNothingMore() {
        InFlight online = new InFlight(USERS, user -> true,
                new chatlab.driver.Promise(chatlab.driver.Promise.Delivery.AT_MOST_ONCE, true, false, true));
        new HistoryBuilder().login("alice").login("bob").send("alice", 1, "broadcast", List.of(), List.of(), Type.OK, null,
                List.of()).build().forEach(online);
        assertThat(online.byRecipient()).as("carol was not logged in").containsOnlyKeys("bob");
        new HistoryBuilder().logout("bob").build().forEach(online);
        assertThat(online.count()).as("bob left").isZero();
        InFlight held = feed(new HistoryBuilder().login("alice").login("bob").unicast("alice", 1, "carol").logout("bob"));
        assertThat(held.count()).as("chatlab's promise holds it for carol").isEqualTo(1);
    }

    @Test
    void underAPromiseOnlineOnlyForRoomsAUserWhoLeavesIsStillOwedTheChatMessagesKeptForHim() {
        InFlight xmpp = new InFlight(USERS, user -> true, new chatlab.driver.Promise(
                chatlab.driver.Promise.Delivery.AT_MOST_ONCE, true, false, java.util.EnumSet.of(chatlab.protocol.Audience.BROADCAST)));
        new HistoryBuilder().login("alice").login("bob").unicast("alice", 1, "bob")
                .send("alice", 2, "broadcast", List.of(), List.of(), Type.OK, null, List.of()).build().forEach(xmpp);
        assertThat(xmpp.byRecipient()).as("carol was away for the broadcast")
                .containsOnlyKeys("bob");
        assertThat(xmpp.count()).isEqualTo(2);
        new HistoryBuilder().logout("bob").build().forEach(xmpp);
        assertThat(xmpp.count()).as("the broadcast is forgiven, the unicast is kept for bob").isEqualTo(1);
    }

    @Test
    void usersReportingAtOnceLoseNoCount() throws Exception {
        InFlight inFlight = new InFlight(USERS, user -> true);
        List<Event> events = new java.util.ArrayList<>();
        HistoryBuilder h = new HistoryBuilder();
        for (int n = 1; n <= 2_000; n++) {
            h.unicast("alice", n, "bob");
            if (n % 2 == 0) {
                h.deliver("bob", "alice", n);
            }
        }
        events.addAll(h.build());
        for (int n = 1; n <= 2_000; n += 2) {
            events.addAll(new HistoryBuilder().deliver("bob", "alice", n).build());
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> parts = new java.util.ArrayList<>();
            for (int part = 0; part < 4; part++) {
                int first = part;
                parts.add(threads.submit(() -> {
                    for (int i = first; i < events.size(); i += 4) {
                        // a token's acknowledgement and its delivery may go to different threads, in either order
                        inFlight.accept(events.get(i));
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(inFlight.count()).isZero();
        assertThat(inFlight.byRecipient()).isEmpty();
    }
}
