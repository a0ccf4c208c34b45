package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static chatlab.testing.TestServer.failure;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagingIT {
    @TempDir
    Path dir;
    private TestServer server;
    private final Recorder alice = new Recorder();
    private final Recorder bob = new Recorder();
    private final Recorder carol = new Recorder();
    private ChatClient aliceClient;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            server.signup(user, "pw-" + user);
        }
        aliceClient = server.login("alice", "pw-alice", alice);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatClient login(String user, Recorder recorder) {
        return server.login(user, "pw-" + user, recorder);
    }

    @Test
    void unicastReachesOnlyItsRecipient() {
        login("bob", bob);
        login("carol", carol);
        ServerMessage.Sent sent = ChatClient.await(aliceClient.unicast("bob", "hi bob"));
        assertThat(sent.recipients()).isEqualTo(1);
        assertThat(sent.offline()).isZero();
        assertThat(sent.message()).isEqualTo("Message sent to bob.");
        ServerMessage.Chat chat = bob.awaitChats(1).getFirst();
        assertThat(chat.from()).isEqualTo("alice");
        assertThat(chat.text()).isEqualTo("hi bob");
        assertThat(chat.mode()).isEqualTo(Audience.UNICAST);
        assertThat(chat.messageId()).isEqualTo(sent.messageId());
        ChatClient.await(aliceClient.broadcast("flush"));
        carol.awaitChats(1);
        assertThat(carol.texts()).containsExactly("flush");
    }

    @Test
    void multicastBroadcastAndBlockcastReachTheirAudiences() {
        login("bob", bob);
        login("carol", carol);
        ChatClient.await(aliceClient.multicast(List.of("bob", "carol"), "to both"));
        ServerMessage.Sent all = ChatClient.await(aliceClient.broadcast("to all"));
        assertThat(all.recipients()).isEqualTo(3);
        assertThat(all.offline()).isEqualTo(1);
        ChatClient.await(aliceClient.blockcast(List.of("carol"), "not carol"));
        assertThat(bob.awaitChats(3)).extracting(ServerMessage.Chat::text).containsExactly("to both", "to all", "not carol");
        assertThat(carol.awaitChats(2)).extracting(ServerMessage.Chat::text).containsExactly("to both", "to all");
        Recorder dave = new Recorder();
        login("dave", dave);
        assertThat(dave.awaitChats(2)).extracting(ServerMessage.Chat::text).containsExactly("to all", "not carol");
        assertThat(alice.chats).isEmpty();
    }

    @Test
    void keepsEachSendersOrderUnderLoad() {
        login("bob", bob);
        ChatClient carolClient = login("carol", carol);
        List<CompletableFuture<ServerMessage.Sent>> sends = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sends.add(aliceClient.unicast("bob", "a" + i));
            sends.add(carolClient.unicast("bob", "c" + i));
        }
        sends.forEach(ChatClient::await);
        List<ServerMessage.Chat> chats = bob.awaitChats(600);
        assertThat(chats).hasSize(600);
        assertThat(chats.stream().filter(c -> c.from().equals("alice")).map(ServerMessage.Chat::text))
                .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "a" + i).toList());
        assertThat(chats.stream().filter(c -> c.from().equals("carol")).map(ServerMessage.Chat::text))
                .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "c" + i).toList());
        assertThat(chats).extracting(ServerMessage.Chat::seq).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void storesMessagesForAnOfflineUserAndDeliversThemInOrderAtLogin() {
        ServerMessage.Sent first = ChatClient.await(aliceClient.unicast("bob", "one"));
        assertThat(first.offline()).isEqualTo(1);
        assertThat(first.message()).isEqualTo("bob is offline; the message will be delivered at their next login.");
        ChatClient.await(aliceClient.unicast("bob", "two"));
        ChatClient.await(aliceClient.multicast(List.of("bob", "carol"), "three"));
        ChatClient bobClient = server.connect(bob);
        ServerMessage.LoggedIn loggedIn = ChatClient.await(bobClient.login("bob", "pw-bob", null));
        assertThat(loggedIn.pending()).isEqualTo(3);
        assertThat(bob.awaitChats(3)).extracting(ServerMessage.Chat::text).containsExactly("one", "two", "three");
    }

    @Test
    void deliversAnAcknowledgedMessageOnlyOnce() {
        ChatClient bobClient = login("bob", bob);
        ChatClient.await(aliceClient.unicast("bob", "once"));
        bob.awaitChats(1);
        await().atMost(Recorder.WAIT).until(() -> ChatClient.await(bobClient.logout()) != null);
        Recorder again = new Recorder();
        ServerMessage.LoggedIn loggedIn = ChatClient.await(server.connect(again).login("bob", "pw-bob", null));
        assertThat(loggedIn.pending()).isZero();
        ChatClient.await(aliceClient.unicast("bob", "fresh"));
        assertThat(again.awaitChats(1)).extracting(ServerMessage.Chat::text).containsExactly("fresh");
    }

    @Test
    void aLogoutAcknowledgesEveryMessageAlreadyHandled() {
        ChatClient bobClient = login("bob", bob);
        for (int i = 0; i < 50; i++) {
            aliceClient.unicast("bob", "m" + i);
        }
        bob.awaitChats(50);
        ChatClient.await(bobClient.logout()); // at once: the acknowledgement must not be left behind
        ServerMessage.LoggedIn loggedIn = ChatClient.await(server.connect(new Recorder()).login("bob", "pw-bob", null));
        assertThat(loggedIn.pending()).isZero();
    }

    @Test
    void aFreshClientToldWhatWasHandledSeesEachMessageOnce() throws Exception {
        ChatClient.await(aliceClient.unicast("bob", "seen before"));
        long handled;
        try (chatlab.testing.RawClient raw = server.raw()) {
            raw.login("bob", "pw-bob"); // receives the message and never acknowledges it
            // frames: welcome, loggedIn, then the message
            handled = ((ServerMessage.Chat) raw.awaitFrame(3)).seq();
        }
        ChatClient bobClient = ChatClient.connect("127.0.0.1", server.port(),
                server.clientOptions().withListener(bob).withHandledUpTo(handled));
        await().atMost(Recorder.WAIT).until(() -> {
            try {
                return ChatClient.await(bobClient.login("bob", "pw-bob", null)).pending() == 1;
            } catch (ChatException e) {
                return false; // the raw session may still be closing
            }
        });
        ChatClient.await(aliceClient.unicast("bob", "new"));
        assertThat(bob.awaitChats(1)).extracting(ServerMessage.Chat::text).containsExactly("new");
        assertThat(bobClient.handledUpTo()).isGreaterThan(handled);
    }

    @Test
    void aListenerMayLogOutFromInsideItsCallback() {
        java.util.concurrent.CompletableFuture<ServerMessage.Ok> loggedOut = new java.util.concurrent.CompletableFuture<>();
        ChatClient[] self = new ChatClient[1];
        self[0] = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions().withListener(
                new chatlab.client.ChatListener() {
                    @Override
                    public void onChat(ServerMessage.Chat chat) {
                        loggedOut.complete(ChatClient.await(self[0].logout()));
                    }
                }));
        ChatClient.await(self[0].login("bob", "pw-bob", null));
        ChatClient.await(aliceClient.unicast("bob", "please leave"));
        assertThat(loggedOut).succeedsWithin(Recorder.WAIT).extracting(ServerMessage.Ok::message).isEqualTo("Bye, bob!");
    }

    @Test
    void aRetriedSendWithTheSameKeyIsStoredOnce() {
        login("bob", bob);
        ServerMessage.Sent first = ChatClient.await(aliceClient.send(Audience.UNICAST, List.of("bob"), "idem", "key-1"));
        ServerMessage.Sent retry = ChatClient.await(aliceClient.send(Audience.UNICAST, List.of("bob"), "idem", "key-1"));
        assertThat(retry.messageId()).isEqualTo(first.messageId());
        ChatClient.await(aliceClient.unicast("bob", "after"));
        assertThat(bob.awaitChats(2)).extracting(ServerMessage.Chat::text).containsExactly("idem", "after");
    }

    @Test
    void aRetryOfASendThatWentThroughGetsItsAnswerEvenIfTheRecipientBlockedTheSenderSince() {
        ChatClient bobClient = login("bob", bob);
        ServerMessage.Sent first = ChatClient.await(aliceClient.send(Audience.UNICAST, List.of("bob"), "before", "key-2"));
        ChatClient.await(bobClient.block("alice"));
        ServerMessage.Sent retry = ChatClient.await(aliceClient.send(Audience.UNICAST, List.of("bob"), "before", "key-2"));
        assertThat(retry.messageId()).isEqualTo(first.messageId());
        assertThat(failure(aliceClient.send(Audience.UNICAST, List.of("bob"), "new", "key-3")).code())
                .as("a new key is a new send").isEqualTo(ErrorCode.RECIPIENT_BLOCKED);
        assertThat(bob.awaitChats(1)).extracting(ServerMessage.Chat::text).containsExactly("before");
    }

    @Test
    void aBlockedSenderNeverGetsThroughAndIsTold() {
        ChatClient bobClient = login("bob", bob);
        assertThat(ChatClient.await(bobClient.block("alice")).message()).isEqualTo("alice is blocked");
        assertThat(ChatClient.await(bobClient.block("alice")).message()).isEqualTo("alice was already blocked");
        ChatException refused = failure(aliceClient.unicast("bob", "let me in"));
        assertThat(refused.code()).isEqualTo(ErrorCode.RECIPIENT_BLOCKED);
        assertThat(refused.getMessage()).isEqualTo("Your message could not be delivered as the recipient has blocked you");
        ServerMessage.Sent broadcast = ChatClient.await(aliceClient.broadcast("everyone"));
        assertThat(broadcast.blockedBy()).containsExactly("bob");
        assertThat(broadcast.message()).contains("could not be delivered to some recipients (blocked by bob)");
        ServerMessage.Sent multi = ChatClient.await(aliceClient.multicast(List.of("bob", "carol"), "both?"));
        assertThat(multi.recipients()).isEqualTo(1);
        assertThat(multi.blockedBy()).containsExactly("bob");
        ChatClient.await(bobClient.unblock("alice"));
        ChatClient.await(aliceClient.unicast("bob", "finally"));
        assertThat(bob.awaitChats(1)).extracting(ServerMessage.Chat::text).containsExactly("finally");
    }

    @Test
    void refusesUnknownRecipientsAndYourself() {
        assertThat(failure(aliceClient.unicast("nobody", "x")).code()).isEqualTo(ErrorCode.UNKNOWN_USER);
        ChatException many = failure(aliceClient.multicast(List.of("bob", "ghost1", "ghost2"), "x"));
        assertThat(many.code()).isEqualTo(ErrorCode.UNKNOWN_USER);
        assertThat(many.getMessage()).contains("ghost1", "ghost2");
        assertThat(failure(aliceClient.unicast("alice", "me")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(failure(aliceClient.block("alice")).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(failure(aliceClient.block("ghost")).code()).isEqualTo(ErrorCode.UNKNOWN_USER);
        assertThat(failure(aliceClient.unicast("bob", "x".repeat(5_000))).code()).isEqualTo(ErrorCode.TEXT_TOO_LONG);
    }
}
