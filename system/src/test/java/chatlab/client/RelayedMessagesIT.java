package chatlab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.p2p.direct.DirectMessages;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.ServerMessage;
import chatlab.store.RelayStore;
import chatlab.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct messages for a user who is offline, held by other users' clients over real UDP on
 * loopback with the real server as the directory: handed to relays, passed on when the recipient
 * logs in, shown once however many relays held it (after a restart too), the sender told when it
 * arrives or expires, the relays' limits, and the server's fallback. No relay and no database of
 * the server holds the text.
 */
class RelayedMessagesIT {
    private static final DirectMessages.Settings FAST = new DirectMessages.Settings(Duration.ofMillis(50), 8)
            .withSweep(Duration.ofMillis(100));
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private TestServer server;
    private final List<User> users = new ArrayList<>();

    /** A user who logs in and out, with a UDP endpoint and direct messages kept in its own data folder. */
    private final class User implements DirectMessages.Listener {
        final String name;
        final DirectMessages.Settings settings;
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> deliveredLater = new CopyOnWriteArrayList<>();
        final List<String> expired = new CopyOnWriteArrayList<>();
        PeerEndpoint endpoint;
        ChatClient client;
        DirectChat chat;

        User(String name, DirectMessages.Settings settings) {
            this.name = name;
            this.settings = settings;
            users.add(this);
        }

        Path folder() {
            return dir.resolve("data-" + name);
        }

        User online() throws Exception {
            endpoint = PeerEndpoint.open("127.0.0.1", 0, Impairment.NONE, name.hashCode());
            client = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions());
            ChatClient.await(client.login(name, "pw-" + name, endpoint.port()));
            chat = DirectChat.start(client, name, endpoint, folder(), this, settings);
            return this;
        }

        User offline() throws Exception {
            if (chat != null) {
                chat.close();
                ChatClient.await(client.logout());
                client.close();
                endpoint.close();
                chat = null;
            }
            return this;
        }

        DirectMessages.Outcome send(String to, String text) throws Exception {
            return chat.send(to, text).get(20, TimeUnit.SECONDS);
        }

        /** What this user's relay store holds, as bytes of its files. */
        String storeBytes() throws Exception {
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.list(folder())) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(RelayStore.FILE)).toList()) {
                    all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
            return all.toString();
        }

        @Override
        public void onDirectMessage(String from, String text) {
            received.add(from + ": " + text);
        }

        @Override
        public void onDeliveredLater(String to, long messageId) {
            deliveredLater.add(to);
        }

        @Override
        public void onExpired(String to, long messageId) {
            expired.add(to);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        for (String user : List.of("alice", "bob", "carol", "dave", "erin", "frank")) {
            server.signup(user, "pw-" + user);
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (User u : users.reversed()) {
            u.offline();
        }
        server.close();
    }

    /** Erin logs in once, so that her key is published, and leaves. */
    private User erinWasHereOnce(DirectMessages.Settings settings) throws Exception {
        return new User("erin", settings).online().offline();
    }

    @Test
    void anOfflineUsersMessageIsHeldByRelaysAndArrivesOnceWhenSheLogsIn() throws Exception {
        User erin = erinWasHereOnce(FAST);
        User alice = new User("alice", FAST).online();
        User bob = new User("bob", FAST).online();
        User carol = new User("carol", FAST).online();
        User dave = new User("dave", FAST).online();

        DirectMessages.Outcome outcome = alice.send("erin", "meet at the north gate");
        assertThat(outcome).isInstanceOfSatisfying(DirectMessages.Held.class, held -> {
            assertThat(held.relays()).containsExactlyInAnyOrder("bob", "carol", "dave");
            assertThat(held.until()).isAfter(java.time.Instant.now().plus(Duration.ofHours(23)));
        });
        for (User relay : List.of(bob, carol, dave)) {
            assertThat(relay.storeBytes()).as("%s holds it sealed", relay.name).doesNotContain("north gate");
        }

        erin.online();
        await().atMost(WAIT).until(() -> !alice.deliveredLater.isEmpty());
        assertThat(erin.received).as("once, from three relays").containsExactly("alice: meet at the north gate");
        assertThat(alice.deliveredLater).containsExactly("erin");
        await().atMost(WAIT).untilAsserted(() -> {
            for (User relay : List.of(bob, carol, dave)) {
                assertThat(heldFor(relay, "erin")).as("%s let the message go", relay.name).isEmpty();
                assertThat(heldFor(relay, "alice")).as("%s let the receipt go", relay.name).isEmpty();
            }
        });
        for (User u : users) {
            u.offline();
        }
        server.close(); // the database file is complete once the server is closed
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().contains(".db")).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("the server's %s holds no copy", file).doesNotContain("north gate");
            }
        }
    }

    /** What {@code relay}'s store holds for {@code user}, read through a second connection to its file. */
    private static List<RelayStore.HeldDatagram> heldFor(User relay, String user) {
        try (RelayStore store = RelayStore.open(relay.folder(), RelayStore.Limits.DEFAULT)) {
            return store.heldFor(user, System.currentTimeMillis());
        }
    }

    @Test
    void aSecondRelaysCopyAfterARestartIsNotShownAgainAndTheSenderLearnsLater() throws Exception {
        User erin = erinWasHereOnce(FAST);
        User alice = new User("alice", FAST.withRelays(2)).online();
        User bob = new User("bob", FAST).online();
        User carol = new User("carol", FAST).online();
        assertThat(alice.send("erin", "one copy only")).isInstanceOf(DirectMessages.Held.class);
        alice.offline(); // the sender is gone when the message arrives
        carol.offline(); // one relay is away when erin comes

        erin.online();
        await().atMost(WAIT).until(() -> !erin.received.isEmpty());
        await().atMost(WAIT).until(() -> heldFor(bob, "erin").isEmpty());
        erin.offline();
        carol.online(); // carol still holds her copy
        erin.online();
        await().atMost(WAIT).until(() -> heldFor(carol, "erin").isEmpty());
        assertThat(erin.received).as("shown once, across a restart").containsExactly("alice: one copy only");

        alice.online(); // the relays kept erin's receipt for her
        await().atMost(WAIT).until(() -> !alice.deliveredLater.isEmpty());
        assertThat(alice.deliveredLater).containsExactly("erin");
    }

    /**
     * Erin comes while relays hold her message, and alice, away, comes back only after the hold:
     * she learns it arrived (the relay kept erin's receipt past the hold), and is never told it
     * expired (she waits, online, for receipts held for her before telling that).
     */
    @Test
    void aSenderAwayPastTheHoldLearnsTheMessageArrivedAndNotThatItExpired() throws Exception {
        User erin = erinWasHereOnce(FAST);
        User alice = new User("alice", FAST.withRelays(1).withHold(Duration.ofSeconds(3))).online();
        new User("bob", FAST).online();
        DirectMessages.Outcome outcome = alice.send("erin", "before the hold ends");
        assertThat(outcome).isInstanceOf(DirectMessages.Held.class);
        java.time.Instant until = ((DirectMessages.Held) outcome).until();
        alice.offline();
        erin.online();
        await().atMost(WAIT).until(() -> erin.received.contains("alice: before the hold ends"));
        await().atMost(WAIT).until(() -> java.time.Instant.now().isAfter(until.plusMillis(500))); // the hold is over
        alice.online();
        await().atMost(WAIT).until(() -> !alice.deliveredLater.isEmpty());
        assertThat(alice.deliveredLater).containsExactly("erin");
        await().during(FAST.receiptWait().plusSeconds(1)).atMost(WAIT).until(() -> alice.expired.isEmpty());
    }

    @Test
    void aRelayRefusesBeyondItsLimitsAndSaysWhy() throws Exception {
        erinWasHereOnce(FAST);
        User alice = new User("alice", FAST.withRelays(1)).online();
        User bob = new User("bob", FAST.withLimits(new RelayStore.Limits(1, 1 << 20, 100, 1 << 20, Duration.ofDays(1))))
                .online();
        assertThat(alice.send("erin", "first")).isInstanceOf(DirectMessages.Held.class);
        DirectMessages.Outcome second = alice.send("erin", "second");
        assertThat(second).isInstanceOfSatisfying(DirectMessages.NotHeld.class, notHeld -> {
            assertThat(notHeld.reasons().get("bob")).startsWith("sender_limit: holds 1 messages");
            assertThat(notHeld.reasons().get("erin")).isEqualTo("erin is offline");
        });

        alice.offline();
        bob.offline();
        new User("dave", FAST.withLimits(new RelayStore.Limits(0, 0, 0, 0, Duration.ZERO))).online();
        User carol = new User("carol", FAST.withRelays(1)).online();
        assertThat(carol.send("erin", "hello")).isInstanceOfSatisfying(DirectMessages.NotHeld.class,
                notHeld -> assertThat(notHeld.reasons().get("dave")).startsWith("not_relaying"));
    }

    @Test
    void aMessageNoOneFetchesExpiresAndTheSenderIsTold() throws Exception {
        erinWasHereOnce(FAST);
        User alice = new User("alice", FAST.withRelays(1).withHold(Duration.ofSeconds(1))).online();
        User bob = new User("bob", FAST).online();
        assertThat(alice.send("erin", "too late")).isInstanceOf(DirectMessages.Held.class);
        await().atMost(WAIT).until(() -> !alice.expired.isEmpty());
        assertThat(alice.expired).containsExactly("erin");
        await().atMost(WAIT).until(() -> heldFor(bob, "erin").isEmpty()); // the relay let it go: nothing can come
        assertThat(alice.deliveredLater).isEmpty();
    }

    @Test
    void withNoRelayTheSenderIsToldOrTheServerHoldsItWhenAsked() throws Exception {
        User erin = erinWasHereOnce(FAST);
        User alice = new User("alice", FAST).online();
        assertThat(alice.send("erin", "anyone?")).isInstanceOfSatisfying(DirectMessages.NotHeld.class,
                notHeld -> assertThat(notHeld.reasons()).containsEntry("relays", "no other user is online to hold it"));
        alice.offline();

        User viaServer = new User("alice", FAST.withFallback(DirectMessages.Fallback.SERVER)).online();
        assertThat(viaServer.send("erin", "through the server")).isInstanceOf(DirectMessages.ViaServer.class);
        List<ServerMessage.Chat> chats = new CopyOnWriteArrayList<>();
        ChatClient erinClient = ChatClient.connect("127.0.0.1", server.port(),
                server.clientOptions().withListener(new ChatListener() {
                    @Override
                    public void onChat(ServerMessage.Chat chat) {
                        chats.add(chat);
                    }
                }));
        try (erinClient) {
            ChatClient.await(erinClient.login("erin", "pw-erin", null));
            await().atMost(WAIT).until(() -> !chats.isEmpty());
            assertThat(chats).extracting(ServerMessage.Chat::text).containsExactly("through the server");
        }
        assertThat(erin.received).isEmpty();
    }
}
