package chatlab.client;

import static chatlab.testing.TestServer.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import chatlab.e2e.IdentityKeys;
import chatlab.e2e.KeyBook;
import chatlab.p2p.direct.DirectMessages;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.ErrorCode;
import chatlab.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct messages between two real clients over real UDP on loopback, sealed end to end, with the
 * real server as the directory: delivered once with a receipt, through loss too; the server's
 * database never holds their text.
 */
class DirectChatIT {
    private static final DirectMessages.Settings FAST = new DirectMessages.Settings(Duration.ofMillis(50), 8);

    @TempDir
    Path dir;
    private TestServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** A logged-in user with a UDP endpoint (whose outgoing datagrams suffer {@code impairment}) and direct messages. */
    private final class User implements DirectMessages.Listener {
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<KeyBook.Seen.Changed> changes = new CopyOnWriteArrayList<>();
        final ChatClient client;
        final PeerEndpoint endpoint;
        final DirectChat chat;

        User(String name, Impairment impairment) throws Exception {
            endpoint = PeerEndpoint.open("127.0.0.1", 0, impairment, name.hashCode());
            open.add(endpoint);
            client = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions());
            open.add(client);
            ChatClient.await(client.login(name, "pw-" + name, endpoint.port()));
            chat = DirectChat.start(client, name, endpoint, dir.resolve("data-" + name), this, FAST);
            open.add(chat);
        }

        @Override
        public void onDirectMessage(String from, String text) {
            received.add(from + ": " + text);
        }

        @Override
        public void onKeyChanged(String user, KeyBook.Seen.Changed change) {
            changes.add(change);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        for (String user : List.of("alice", "bob", "carol")) {
            server.signup(user, "pw-" + user);
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        server.close();
    }

    @Test
    void aDirectMessageArrivesOnceWithAReceiptAndTheServerNeverHoldsItsText() throws Exception {
        User alice = new User("alice", Impairment.NONE);
        User bob = new User("bob", Impairment.NONE);
        DirectMessages.Outcome delivered = alice.chat.send("bob", "the vault code is 7319").get(10, TimeUnit.SECONDS);
        assertThat(delivered).isInstanceOfSatisfying(DirectMessages.Delivered.class, d -> assertThat(d.to()).isEqualTo("bob"));
        assertThat(bob.received).containsExactly("alice: the vault code is 7319");
        bob.chat.send("alice", "got it").get(10, TimeUnit.SECONDS);
        assertThat(alice.received).containsExactly("bob: got it");
        server.close(); // the database file is complete once the server is closed
        for (Path file : Files.list(dir).filter(p -> p.toString().contains(".db")).toList()) {
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as("%s holds no direct message", file).doesNotContain("7319").doesNotContain("got it");
        }
    }

    @Test
    void throughLossEachMessageArrivesOnceAndInTheEndIsAcknowledged() throws Exception {
        User alice = new User("alice", Impairment.parse("loss=0.3"));
        User bob = new User("bob", Impairment.parse("loss=0.3"));
        List<java.util.concurrent.CompletableFuture<DirectMessages.Outcome>> sends = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            sends.add(alice.chat.send("bob", "message " + i));
        }
        int delivered = 0;
        for (var send : sends) {
            // without a receipt, and no one else online to hold it, a message is not held
            DirectMessages.Outcome outcome = send.get(30, TimeUnit.SECONDS);
            assertThat(outcome).isInstanceOfAny(DirectMessages.Delivered.class, DirectMessages.NotHeld.class);
            delivered += outcome instanceof DirectMessages.Delivered ? 1 : 0;
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> bob.received.size() >= 1);
        assertThat(bob.received).as("never twice").doesNotHaveDuplicates();
        assertThat(bob.received.size()).as("every message with a receipt arrived").isGreaterThanOrEqualTo(delivered);
        assertThat(delivered).as("with 8 sends at 30%% loss each way, nearly all get a receipt").isGreaterThanOrEqualTo(18);
    }

    @Test
    void aChangedKeyIsWarnedAboutAndAUserWithoutAKeyRefused() throws Exception {
        User alice = new User("alice", Impairment.NONE);
        User bob = new User("bob", Impairment.NONE);
        alice.chat.send("bob", "first").get(10, TimeUnit.SECONDS);
        // bob's client starts again with a new identity (a new device)
        bob.chat.close();
        Files.delete(dir.resolve("data-bob").resolve(IdentityKeys.FILE_NAME));
        DirectChat bobAgain = DirectChat.start(bob.client, "bob", bob.endpoint, dir.resolve("data-bob"), bob, FAST);
        open.add(bobAgain);
        alice.chat.send("bob", "second").get(10, TimeUnit.SECONDS);
        assertThat(alice.changes).as("alice is warned that bob's key changed").hasSize(1);
        assertThat(bob.received).containsExactly("alice: first", "alice: second");

        // carol never logged in with direct messages: nothing can be sealed for her
        assertThat(failure(alice.chat.send("carol", "are you there?")).code()).isEqualTo(ErrorCode.NO_KEY);
        assertThat(failure(alice.client.peer("alice")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
