package chatlab.driver;

import chatlab.driver.xmpp.XmppDriver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.client.ChatClient;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.UserStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The XMPP driver against a real XMPP server on loopback, started with the project's
 * configuration: the driver contract, and what XMPP adds (offline messages, its refusals, rooms
 * joined only when needed). Each server is a subclass.
 */
abstract class XmppDriverContract extends PeerDriverContract {
    XmppDriverContract(PeerServer.Program program) {
        super(program, new XmppDriver());
    }

    private Connection connect(Heard heard) {
        return driver().connect(server.address(), Connection.Options.of(Duration.ofSeconds(10), Duration.ofSeconds(10)), heard);
    }

    @Test
    void aChatMessageForAUserWhoIsOfflineIsKeptAndComesAtTheirLogin() throws Exception {
        try (Connection alice = connect(new Heard()); Connection setUp = connect(new Heard())) {
            ChatClient.await(setUp.signup("bob", "pw-bob"));
            ChatClient.await(alice.signup("alice", "pw-alice"));
            ChatClient.await(alice.login("alice", "pw-alice"));
            ChatClient.await(alice.send(Audience.UNICAST, List.of("bob"), "alice#1 while you were out"));
            Heard bob = new Heard();
            try (Connection b = connect(bob)) {
                ChatClient.await(b.login("bob", "pw-bob"));
                Inbox.Arrival got = bob.next();
                assertThat(got.from()).isEqualTo("alice");
                assertThat(got.text()).isEqualTo("alice#1 while you were out");
            }
        }
    }

    @Test
    void aMessageToNoSuchUserAWrongPasswordAndATakenNameAreRefusedWithTheirCodes() {
        try (Connection alice = connect(new Heard())) {
            ChatClient.await(alice.signup("alice", "pw-alice"));
            assertThatThrownBy(() -> ChatClient.await(alice.signup("alice", "other")))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USERNAME_TAKEN));
            assertThatThrownBy(() -> ChatClient.await(alice.login("alice", "wrong")))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD));
            ChatClient.await(alice.login("alice", "pw-alice"));
            assertThatThrownBy(() -> ChatClient.await(alice.send(Audience.UNICAST, List.of("nobody"), "hello?")))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_USER));
            assertThat(alice.send(Audience.BLOCKCAST, List.of("bob"), "hi")).failsWithin(Duration.ofSeconds(1))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(UnsupportedOperationException.class);
        }
    }

    /**
     * A login answers only once the server has taken the user's presence: a chat message sent the
     * moment it answers reaches the user at once, not the offline store (where it stayed until the
     * next login when the login answered on sending the presence). Without a room to join, as in
     * a scenario with no broadcasts; several logins, since each is a race.
     */
    @Test
    void aMessageSentTheMomentALoginAnswersReachesTheUserThen() throws Exception {
        XmppDriver quiet = new XmppDriver(false);
        Connection.Options options = Connection.Options.of(Duration.ofSeconds(10), Duration.ofSeconds(10));
        try (Connection a = quiet.connect(server.address(), options, new Heard())) {
            ChatClient.await(a.signup("alice", "pw-alice"));
            ChatClient.await(a.signup("bob", "pw-bob"));
            ChatClient.await(a.login("alice", "pw-alice"));
            for (int round = 0; round < 8; round++) {
                Heard bob = new Heard();
                try (Connection b = quiet.connect(server.address(), options, bob)) {
                    ChatClient.await(b.login("bob", "pw-bob"));
                    ChatClient.await(a.send(Audience.UNICAST, List.of("bob"), "alice#" + round));
                    assertThat(bob.next().text()).as("round %d", round).isEqualTo("alice#" + round);
                }
            }
        }
    }

    @Test
    void aDriverForAScenarioWithoutBroadcastsJoinsNoRoomForEveryoneAndRefusesABroadcast() throws Exception {
        XmppDriver quiet = new XmppDriver(false);
        Connection.Options options = Connection.Options.of(Duration.ofSeconds(10), Duration.ofSeconds(10));
        Heard bob = new Heard();
        try (Connection a = quiet.connect(server.address(), options, new Heard());
                Connection b = quiet.connect(server.address(), options, bob)) {
            ChatClient.await(a.signup("alice", "pw-alice"));
            ChatClient.await(b.signup("bob", "pw-bob"));
            ChatClient.await(a.login("alice", "pw-alice"));
            ChatClient.await(b.login("bob", "pw-bob"));
            ChatClient.await(a.send(Audience.UNICAST, List.of("bob"), "alice#1 no room needed"));
            assertThat(bob.next().text()).isEqualTo("alice#1 no room needed");
            assertThat(a.send(Audience.BROADCAST, List.of(), "hi all")).failsWithin(Duration.ofSeconds(1))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(UnsupportedOperationException.class);
            org.jivesoftware.smackx.muc.MultiUserChatManager rooms = org.jivesoftware.smackx.muc.MultiUserChatManager
                    .getInstanceFor(a.unwrap(org.jivesoftware.smack.tcp.XMPPTCPConnection.class));
            assertThat(rooms.getJoinedRooms()).as("in no room").isEmpty();
        }
    }

    @Test
    void aStatusIsThePresenceTheUsersRoomsShowAndAppearingOfflineIsRefused() throws Exception {
        try (Connection alice = connect(new Heard()); Connection bob = connect(new Heard())) {
            ChatClient.await(alice.signup("alice", "pw-alice"));
            ChatClient.await(bob.signup("bob", "pw-bob"));
            ChatClient.await(alice.login("alice", "pw-alice"));
            ChatClient.await(bob.login("bob", "pw-bob"));
            org.jivesoftware.smackx.muc.MultiUserChat room = org.jivesoftware.smackx.muc.MultiUserChatManager
                    .getInstanceFor(bob.unwrap(org.jivesoftware.smack.tcp.XMPPTCPConnection.class))
                    .getMultiUserChat(org.jxmpp.jid.impl.JidCreate.entityBareFrom("chatlab@conference.localhost"));
            org.jxmpp.jid.EntityFullJid aliceThere = org.jxmpp.jid.impl.JidCreate.entityFullFrom(
                    "chatlab@conference.localhost/alice");
            ChatClient.await(alice.setStatus(UserStatus.DND));
            assertThat(modeSeen(room, aliceThere, org.jivesoftware.smack.packet.Presence.Mode.dnd)).isTrue();
            ChatClient.await(alice.setStatus(UserStatus.IDLE));
            assertThat(modeSeen(room, aliceThere, org.jivesoftware.smack.packet.Presence.Mode.xa)).isTrue();
            ChatClient.await(alice.setStatus(UserStatus.ONLINE));
            assertThat(modeSeen(room, aliceThere, org.jivesoftware.smack.packet.Presence.Mode.available)).isTrue();
            assertThat(alice.setStatus(UserStatus.OFFLINE)).failsWithin(Duration.ofSeconds(1))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(UnsupportedOperationException.class)
                    .withMessageContaining("XMPP has no way to appear offline");
            assertThat(alice.who()).failsWithin(Duration.ofSeconds(1))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(UnsupportedOperationException.class);
        }
    }

    /** Whether {@code room} shows {@code occupant} in {@code mode} within ten seconds (the presence comes after the ping's answer). */
    private static boolean modeSeen(org.jivesoftware.smackx.muc.MultiUserChat room, org.jxmpp.jid.EntityFullJid occupant,
            org.jivesoftware.smack.packet.Presence.Mode mode) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            org.jivesoftware.smack.packet.Presence p = room.getOccupantPresence(occupant);
            if (p != null && p.getMode() == mode) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        return false;
    }
}
