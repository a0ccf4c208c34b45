package chatlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayStoreTest {
    private static final long NOW = 1_000_000;
    private static final RelayStore.Limits SMALL = new RelayStore.Limits(2, 100, 3, 150, Duration.ofHours(1));

    @TempDir
    Path dir;
    private RelayStore store;

    private RelayStore open(RelayStore.Limits limits) {
        store = RelayStore.open(dir, limits);
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static byte[] bytes(int n) {
        return new byte[n];
    }

    @Test
    void holdsWithinEachSendersAndItsOwnLimitsAndSaysWhichOneRefused() {
        RelayStore s = open(SMALL);
        assertThat(s.hold("alice", 1, "erin", bytes(40), Duration.ofDays(1), NOW))
                .as("a day asked, an hour at most").isEqualTo(new RelayStore.Hold.Held(NOW + 3_600_000));
        assertThat(s.hold("alice", 2, "erin", bytes(40), Duration.ofMinutes(1), NOW)).isEqualTo(new RelayStore.Hold.Held(NOW + 60_000));
        assertThat(s.hold("alice", 3, "erin", bytes(10), Duration.ofMinutes(1), NOW))
                .isInstanceOfSatisfying(RelayStore.Hold.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(RelayStore.Refusal.SENDER_LIMIT);
                    assertThat(r.message()).isEqualTo("holds 2 messages (80 bytes) from alice already; 2 or 100 bytes at most from one sender");
                });
        assertThat(s.hold("bob", 1, "erin", bytes(101), Duration.ofMinutes(1), NOW))
                .as("bytes from one sender").isInstanceOfSatisfying(RelayStore.Hold.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(RelayStore.Refusal.SENDER_LIMIT));
        assertThat(s.hold("bob", 1, "erin", bytes(60), Duration.ofMinutes(1), NOW)).isInstanceOf(RelayStore.Hold.Held.class);
        assertThat(s.hold("carol", 1, "erin", bytes(1), Duration.ofMinutes(1), NOW))
                .isInstanceOfSatisfying(RelayStore.Hold.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(RelayStore.Refusal.RELAY_FULL);
                    assertThat(r.reason().code()).isEqualTo("relay_full");
                });
        assertThat(s.hold("alice", 1, "erin", bytes(40), Duration.ofDays(1), NOW + 5))
                .as("the same message again: its answer was lost").isEqualTo(new RelayStore.Hold.Held(NOW + 3_600_000));
    }

    @Test
    void aClientThatRelaysNothingRefusesSo() {
        RelayStore s = open(new RelayStore.Limits(0, 0, 0, 0, Duration.ZERO));
        assertThat(s.hold("alice", 1, "erin", bytes(1), Duration.ofMinutes(1), NOW))
                .isInstanceOfSatisfying(RelayStore.Hold.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(RelayStore.Refusal.NOT_RELAYING));
        assertThat(RelayStore.Refusal.of("not_relaying")).contains(RelayStore.Refusal.NOT_RELAYING);
        assertThat(RelayStore.Refusal.of("other")).isEmpty();
    }

    @Test
    void aReceiptReplacesTheMessageForItsSenderUntilTaken() {
        RelayStore s = open(SMALL);
        s.hold("alice", 1, "erin", new byte[] {7}, Duration.ofMinutes(1), NOW);
        assertThat(s.waitingUsers(NOW)).containsExactly("erin");
        assertThat(s.heldFor("erin", NOW)).singleElement().satisfies(h -> {
            assertThat(h.receipt()).isFalse();
            assertThat(h.datagram()).containsExactly(7);
        });
        assertThat(s.delivered("alice", 1, "mallory", new byte[] {8}, NOW)).as("only the recipient's receipt").isFalse();
        assertThat(s.delivered("alice", 1, "erin", new byte[] {8}, NOW)).isTrue();
        assertThat(s.delivered("alice", 1, "erin", new byte[] {8}, NOW)).as("a copy").isFalse();
        assertThat(s.heldFor("erin", NOW)).isEmpty();
        assertThat(s.heldFor("alice", NOW)).singleElement().satisfies(h -> {
            assertThat(h.receipt()).isTrue();
            assertThat(h.forUser()).isEqualTo("alice");
            assertThat(h.datagram()).containsExactly(8);
        });
        assertThat(s.receiptTaken("alice", 1)).isTrue();
        assertThat(s.heldFor("alice", NOW)).isEmpty();
    }

    @Test
    void aReceiptIsKeptForItsSenderPastTheMessagesHoldForTheRelaysLongestHold() {
        RelayStore s = open(SMALL);
        s.hold("alice", 1, "erin", new byte[] {7}, Duration.ofSeconds(10), NOW);
        assertThat(s.delivered("alice", 1, "erin", new byte[] {8}, NOW + 9_000)).isTrue();
        s.expire(NOW + 3_600_000);
        assertThat(s.heldFor("alice", NOW + 3_600_000)).as("an hour after it came, the message's hold long over")
                .singleElement().satisfies(h -> assertThat(h.receipt()).isTrue());
        s.expire(NOW + 9_000 + 3_600_000);
        assertThat(s.heldFor("alice", NOW + 9_000 + 3_600_000)).as("the relay's longest hold, then let go").isEmpty();
    }

    @Test
    void whatRunsOutOfTimeIsLetGoAndTheSendersOwnMessagesExpireOnce() {
        RelayStore s = open(SMALL);
        s.hold("alice", 1, "erin", bytes(1), Duration.ofSeconds(10), NOW);
        assertThat(s.heldFor("erin", NOW + 10_000)).as("not passed on once expired").isEmpty();
        assertThat(s.expire(NOW + 10_000)).isEqualTo(1);

        s.handedOver(42, "erin", 3, NOW + 10_000);
        assertThat(s.outbound(42)).hasValueSatisfying(o -> assertThat(o.outcome()).isEqualTo(RelayStore.Outcome.HELD));
        assertThat(s.expireOutbound(NOW + 9_999)).isEmpty();
        assertThat(s.expireOutbound(NOW + 10_000)).extracting(RelayStore.Outbound::messageId).containsExactly(42L);
        assertThat(s.expireOutbound(NOW + 20_000)).as("told once").isEmpty();
        assertThat(s.deliveredLater(42)).as("a receipt after expiry corrects it, once").isTrue();
        assertThat(s.deliveredLater(42)).isFalse();
        assertThat(s.outbound(42)).hasValueSatisfying(o -> assertThat(o.outcome()).isEqualTo(RelayStore.Outcome.DELIVERED));

        s.handedOver(43, "erin", 1, NOW + 10_000);
        assertThat(s.deliveredLater(43)).isTrue();
        assertThat(s.deliveredLater(43)).as("a second relay's receipt").isFalse();
        assertThat(s.expireOutbound(NOW + 20_000)).isEmpty();
    }

    @Test
    void aMessageIsShownOnceAcrossRestarts() {
        RelayStore s = open(SMALL);
        assertThat(s.firstShowing("alice", 1, NOW)).isTrue();
        assertThat(s.firstShowing("alice", 1, NOW)).isFalse();
        assertThat(s.firstShowing("bob", 1, NOW)).as("another sender's id").isTrue();
        s.close();
        RelayStore again = open(SMALL);
        assertThat(again.firstShowing("alice", 1, NOW + 1)).isFalse();
    }
}
