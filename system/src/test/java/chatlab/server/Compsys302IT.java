package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static chatlab.testing.TestServer.failure;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.protocol.ActiveUser;
import chatlab.protocol.Audience;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.GroupInfo;
import chatlab.protocol.GroupMember;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.StoredMessage;
import chatlab.protocol.TextFormat;
import chatlab.protocol.UserProfile;
import chatlab.protocol.UserStatus;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compsys 302's web chat on the server: groups, profiles, statuses, markdown and search, over real sockets and SQLite. */
class Compsys302IT {
    /** The smallest PNG: a 1×1 transparent pixel. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @TempDir
    Path dir;
    private TestServer server;
    private final Recorder alice = new Recorder();
    private final Recorder bob = new Recorder();
    private final Recorder carol = new Recorder();
    private ChatClient aliceClient;
    private ChatClient bobClient;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            server.signup(user, "pw-" + user);
        }
        aliceClient = server.login("alice", "pw-alice", alice);
        bobClient = server.login("bob", "pw-bob", bob);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClosedGroupTakesTheInvitedAndDeliversToEveryMemberOnceOfflineOnesAtTheirNextLogin() {
        ChatClient.await(aliceClient.createGroup("team", "the project team", false));
        assertThat(failure(bobClient.join("team")).code()).isEqualTo(ErrorCode.NOT_INVITED);
        ChatClient.await(aliceClient.invite("team", "bob"));
        await().atMost(Recorder.WAIT).until(() -> bob.groups.stream().anyMatch(g -> g.change().equals("invited")));
        ChatClient.await(bobClient.join("team"));
        await().atMost(Recorder.WAIT).until(() -> alice.groups.stream()
                .anyMatch(g -> g.change().equals("joined") && g.user().equals("bob")));
        ChatClient.await(aliceClient.invite("team", "carol"));
        ChatClient carolClient = server.login("carol", "pw-carol", carol);
        ChatClient.await(carolClient.join("team"));
        carolClient.close();
        await().atMost(Recorder.WAIT).until(() -> !server.server().activeUsers().contains("carol"));

        ServerMessage.Sent sent = ChatClient.await(aliceClient.sendToGroup("team", "**standup** at 10", TextFormat.MARKDOWN, null));
        assertThat(sent.recipients()).isEqualTo(2);
        assertThat(sent.offline()).isEqualTo(1);
        assertThat(sent.message()).isEqualTo("Message sent to team (2 members, 1 offline, delivered at next login).");
        ServerMessage.Chat got = bob.awaitChats(1).getFirst();
        assertThat(got.mode()).isEqualTo(Audience.GROUP);
        assertThat(got.group()).isEqualTo("team");
        assertThat(got.format()).isEqualTo(TextFormat.MARKDOWN);
        assertThat(got.text()).isEqualTo("**standup** at 10");

        Recorder carolAgain = new Recorder();
        server.login("carol", "pw-carol", carolAgain);
        ServerMessage.Chat late = carolAgain.awaitChats(1).getFirst();
        assertThat(late.group()).isEqualTo("team");
        assertThat(late.messageId()).isEqualTo(sent.messageId());
        assertThat(alice.chats).isEmpty();

        assertThat(ChatClient.await(bobClient.members("team"))).extracting(GroupMember::user)
                .containsExactly("alice", "bob", "carol");
        List<StoredMessage> history = ChatClient.await(bobClient.history("team", null)).messages();
        assertThat(history).extracting(StoredMessage::text).containsExactly("**standup** at 10");
        assertThat(history.getFirst().format()).isEqualTo(TextFormat.MARKDOWN);
    }

    @Test
    void groupRulesRefuseWithStableCodes() {
        ChatClient.await(aliceClient.createGroup("open-house", null, true));
        assertThat(failure(bobClient.createGroup("open-house", null, true)).code()).isEqualTo(ErrorCode.GROUP_EXISTS);
        assertThat(failure(bobClient.sendToGroup("open-house", "hi", null, null)).code())
                .isEqualTo(ErrorCode.NOT_A_MEMBER);
        assertThat(failure(bobClient.history("open-house", null)).code()).isEqualTo(ErrorCode.NOT_A_MEMBER);
        assertThat(failure(bobClient.join("nowhere")).code()).isEqualTo(ErrorCode.NO_SUCH_GROUP);
        assertThat(failure(bobClient.leave("open-house")).code()).isEqualTo(ErrorCode.NOT_A_MEMBER);
        ChatClient.await(bobClient.join("open-house"));
        List<GroupInfo> groups = ChatClient.await(bobClient.groups());
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("open-house");
            assertThat(g.open()).isTrue();
            assertThat(g.members()).isEqualTo(2);
            assertThat(g.member()).isTrue();
        });
        ChatClient.await(bobClient.leave("open-house"));
        await().atMost(Recorder.WAIT).until(() -> alice.groups.stream().anyMatch(g -> g.change().equals("left")));
        assertThat(failure(aliceClient.sendToGroup("bad name!", "x", null, null)).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aFileToAGroupGoesToItsMembersOnlineAndNamesTheGroup() {
        ChatClient sender = server.connect(new Recorder());
        ChatClient.await(sender.login("carol", "pw-carol", 7001));
        Recorder daveSees = new Recorder();
        ChatClient dave = server.connect(daveSees);
        ChatClient.await(dave.login("dave", "pw-dave", 7002));
        ChatClient.await(sender.createGroup("crew", null, true));
        ChatClient.await(dave.join("crew"));
        ChatClient.await(bobClient.join("crew")); // online, but without a UDP port: not reachable for files
        ServerMessage.FileOffers offers = ChatClient.await(sender.sendFileToGroup("crew", "notes.txt", 10, "ab".repeat(32)));
        assertThat(offers.routes()).extracting(chatlab.protocol.FileRoute::user).containsExactly("dave");
        assertThat(offers.offline()).containsExactly("bob");
        await().atMost(Recorder.WAIT).until(() -> !daveSees.incomingFiles.isEmpty());
        assertThat(daveSees.incomingFiles.getFirst().group()).isEqualTo("crew");
        ChatClient.await(dave.leave("crew"));
        assertThat(failure(dave.sendFileToGroup("crew", "x.txt", 1, "ab".repeat(32))).code())
                .as("dave is no longer a member").isEqualTo(ErrorCode.NOT_A_MEMBER);
    }

    @Test
    void aBlockerInTheGroupDoesNotGetTheMessage() {
        ChatClient.await(aliceClient.createGroup("club", null, true));
        ChatClient.await(bobClient.join("club"));
        ChatClient.await(bobClient.block("alice"));
        ServerMessage.Sent sent = ChatClient.await(aliceClient.sendToGroup("club", "anyone?", null, null));
        assertThat(sent.recipients()).isZero();
        assertThat(sent.blockedBy()).containsExactly("bob");
    }

    @Test
    void profilesAreReadByAnyoneChangedByTheirOwnerAndSeenChangingLive() {
        UserProfile mine = ChatClient.await(aliceClient.setProfile("Alice Liddell", "I follow white rabbits")).profile();
        assertThat(mine.displayName()).isEqualTo("Alice Liddell");
        await().atMost(Recorder.WAIT).until(() -> !bob.profiles.isEmpty());
        assertThat(bob.profiles.getFirst().about()).isEqualTo("I follow white rabbits");
        UserProfile seen = ChatClient.await(bobClient.profile("alice"));
        assertThat(seen.about()).isEqualTo("I follow white rabbits");
        assertThat(seen.status()).isEqualTo(UserStatus.ONLINE);
        assertThat(ChatClient.await(bobClient.profile("dave")).status()).as("an offline user shows no status").isNull();

        ChatClient.await(aliceClient.setAvatar(PNG));
        ServerMessage.Avatar avatar = ChatClient.await(bobClient.avatar("alice"));
        assertThat(avatar.mediaType()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(avatar.data())).isEqualTo(PNG);
        assertThat(ChatClient.await(bobClient.profile("alice")).avatarBytes()).isEqualTo(PNG.length);
        assertThat(failure(aliceClient.setAvatar("<svg onload=alert(1)>".getBytes())).code())
                .isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(failure(aliceClient.setAvatar(new byte[40_000])).code()).isEqualTo(ErrorCode.AVATAR_TOO_LARGE);
        assertThat(failure(bobClient.avatar("dave")).code()).isEqualTo(ErrorCode.NO_AVATAR);
        assertThat(failure(bobClient.profile("nobody")).code()).isEqualTo(ErrorCode.UNKNOWN_USER);
    }

    @Test
    void statusesAreSeenLiveAndDoNotDisturbDeliversSilently() {
        ChatClient.await(bobClient.setStatus(UserStatus.AWAY, "lunch"));
        await().atMost(Recorder.WAIT).until(() -> alice.statuses.stream()
                .anyMatch(s -> s.user().equals("bob") && s.status() == UserStatus.AWAY && "lunch".equals(s.text())));
        assertThat(ChatClient.await(aliceClient.who())).filteredOn(u -> u.user().equals("bob"))
                .extracting(ActiveUser::status).containsExactly(UserStatus.AWAY);

        ChatClient.await(bobClient.setStatus(UserStatus.DND, null));
        ChatClient.await(aliceClient.unicast("bob", "are you there?"));
        assertThat(bob.awaitChats(1).getFirst().quiet()).isTrue();

        ChatClient.await(bobClient.setStatus(UserStatus.OFFLINE, null));
        assertThat(ChatClient.await(aliceClient.who())).extracting(ActiveUser::user).doesNotContain("bob");
        assertThat(ChatClient.await(aliceClient.profile("bob")).status()).isNull();
        assertThat(ChatClient.await(bobClient.profile("bob")).status()).isEqualTo(UserStatus.OFFLINE);
        ChatClient.await(aliceClient.unicast("bob", "still delivered"));
        assertThat(bob.awaitChats(2).get(1).quiet()).isFalse();
    }

    @Test
    void searchFindsWhatTheUserMaySeeAndNothingElse() {
        ChatClient carolClient = server.login("carol", "pw-carol", carol);
        ChatClient.await(aliceClient.unicast("bob", "the quarterly budget is ready"));
        ChatClient.await(aliceClient.unicast("carol", "a secret budget for carol only"));
        ChatClient.await(carolClient.post("budget meeting on the board"));
        ChatClient.await(aliceClient.createGroup("finance", null, true));
        ChatClient.await(aliceClient.sendToGroup("finance", "budget draft v2", null, null));
        bob.awaitChats(1);

        List<StoredMessage> bobs = ChatClient.await(bobClient.searchMessages("budget", null)).messages();
        assertThat(bobs).extracting(StoredMessage::text)
                .containsExactlyInAnyOrder("the quarterly budget is ready", "budget meeting on the board");
        assertThat(bobs).filteredOn(m -> m.mode().equals("board")).singleElement()
                .satisfies(m -> assertThat(m.number()).isEqualTo(1));
        assertThat(bobs.getFirst().snippet()).contains("[budget]");
        // joining the group opens its history to search
        ChatClient.await(bobClient.join("finance"));
        assertThat(ChatClient.await(bobClient.searchMessages("draft", null)).messages()).extracting(StoredMessage::group)
                .containsExactly("finance");
        assertThat(ChatClient.await(bobClient.searchMessages("quart*", null)).messages()).hasSize(1);
        assertThat(ChatClient.await(bobClient.searchMessages("secret", null)).messages()).isEmpty();
        assertThat(ChatClient.await(carolClient.searchMessages("secret budget", null)).messages()).hasSize(1);
        // FTS5 operators and quotes are searched for as text, never parsed
        assertThat(ChatClient.await(bobClient.searchMessages("\"budget OR NEAR( *", null)).messages()).isEmpty();
        assertThat(failure(bobClient.searchMessages("* *", null)).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);

        // broadcasts and blockcasts: to everyone who had an account then, but those left out or who block the sender
        ChatClient.await(aliceClient.broadcast("quarterly picnic for everyone"));
        ChatClient.await(aliceClient.blockcast(List.of("dave"), "picnic planning without dave"));
        ChatClient.await(carolClient.block("alice"));
        ChatClient.await(aliceClient.broadcast("picnic moved, carol blocks me"));
        server.clock.advance(java.time.Duration.ofSeconds(5));
        server.signup("erin", "pw-erin");
        ChatClient erin = server.login("erin", "pw-erin", new Recorder());
        ChatClient daveClient = server.login("dave", "pw-dave", new Recorder());
        assertThat(ChatClient.await(bobClient.searchMessages("picnic", null)).messages()).hasSize(3);
        assertThat(ChatClient.await(daveClient.searchMessages("picnic", null)).messages()).extracting(StoredMessage::text)
                .containsExactlyInAnyOrder("quarterly picnic for everyone", "picnic moved, carol blocks me");
        assertThat(ChatClient.await(carolClient.searchMessages("picnic", null)).messages()).extracting(StoredMessage::text)
                .containsExactlyInAnyOrder("quarterly picnic for everyone", "picnic planning without dave");
        assertThat(ChatClient.await(erin.searchMessages("picnic", null)).messages()).as("erin came later").isEmpty();

        ChatClient.await(carolClient.setProfile("Carol C", "accountant who loves spreadsheets"));
        List<UserProfile> users = ChatClient.await(aliceClient.searchUsers("spreadsheet*", null)).users();
        assertThat(users).extracting(UserProfile::user).containsExactly("carol");
        assertThat(ChatClient.await(aliceClient.searchUsers("dave", null)).users()).extracting(UserProfile::user)
                .containsExactly("dave");
    }

    @Test
    void searchPagesThroughManyResults() {
        for (int i = 0; i < 120; i++) {
            ChatClient.await(aliceClient.unicast("bob", "report number " + i));
        }
        ServerMessage.Messages first = ChatClient.await(bobClient.searchMessages("report", null));
        assertThat(first.messages()).hasSize(50);
        assertThat(first.next()).isNotNull();
        ServerMessage.Messages second = ChatClient.await(bobClient.searchMessages("report", first.next()));
        ServerMessage.Messages third = ChatClient.await(bobClient.searchMessages("report", second.next()));
        assertThat(third.next()).isNull();
        assertThat(first.messages().size() + second.messages().size() + third.messages().size()).isEqualTo(120);
        assertThat(third.messages()).extracting(StoredMessage::messageId)
                .doesNotContainAnyElementsOf(first.messages().stream().map(StoredMessage::messageId).toList());
    }
}
