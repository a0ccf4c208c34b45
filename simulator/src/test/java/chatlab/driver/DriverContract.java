package chatlab.driver;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every driver must do for the simulator, against a real server: log users in, carry a
 * message to its recipient once with its sender, text and mode, carry a group's message to its
 * members, tell of presence, and say when the connection is lost. Each driver's test extends it
 * with the server it drives.
 */
public abstract class DriverContract {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<Connection> opened = new ArrayList<>();

    /** The driver under test: the same one on every call, as a run uses one. */
    protected abstract Driver driver();

    /** Where its server listens. */
    protected abstract InetSocketAddress server();

    /** Stops the server, so that its clients lose their connections. */
    protected abstract void stopServer() throws Exception;

    /** What one connection heard. */
    protected static final class Heard implements Inbox {
        final BlockingQueue<Arrival> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<String> online = new LinkedBlockingQueue<>();
        final List<ChatException> lost = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(Arrival arrival) {
            messages.add(arrival);
        }

        @Override
        public void onPresence(String user, boolean cameOnline) {
            if (cameOnline) {
                online.add(user);
            }
        }

        @Override
        public void onLost(ChatException cause) {
            lost.add(cause);
        }

        Arrival next() throws InterruptedException {
            Arrival a = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(a).as("a message within " + WAIT.toSeconds() + " s").isNotNull();
            return a;
        }
    }

    private Connection user(String name, Heard heard, boolean presence) {
        Connection c = driver().connect(server(), Connection.Options.of(WAIT, WAIT).withPresence(presence), heard);
        opened.add(c);
        ChatClient.await(c.signup(name, "pw-" + name));
        ChatClient.await(c.login(name, "pw-" + name));
        assertThat(c.user()).isEqualTo(name);
        assertThat(c.isConnected()).isTrue();
        return c;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Connection::close);
    }

    @Test
    void aMessageReachesItsRecipientOnceWithItsSenderTextAndMode() throws Exception {
        Heard alice = new Heard();
        Heard bob = new Heard();
        Connection a = user("alice", alice, false);
        user("bob", bob, false);
        Connection.Sent sent = ChatClient.await(a.send(Audience.UNICAST, List.of("bob"), "alice#1 hello"));
        Inbox.Arrival got = bob.next();
        assertThat(got.from()).isEqualTo("alice");
        assertThat(got.text()).isEqualTo("alice#1 hello");
        assertThat(got.mode()).isEqualTo("unicast");
        if (sent.messageId() != null) {
            assertThat(got.messageId()).isEqualTo(sent.messageId());
        }
        ChatClient.await(a.send(Audience.UNICAST, List.of("bob"), "alice#2 again"));
        assertThat(bob.next().text()).as("in order, the first only once").isEqualTo("alice#2 again");
        assertThat(alice.messages).as("nothing for the sender").isEmpty();
    }

    @Test
    void aGroupsMessageReachesItsOtherMembers() throws Exception {
        Heard alice = new Heard();
        Heard bob = new Heard();
        Heard carol = new Heard();
        Connection a = user("alice", alice, false);
        Connection b = user("bob", bob, false);
        user("carol", carol, false);
        ChatClient.await(a.createGroup("lab", "a group for the contract"));
        ChatClient.await(b.join("lab"));
        ChatClient.await(a.sendToGroup("lab", "alice#1 to the group"));
        Inbox.Arrival got = bob.next();
        assertThat(got.text()).isEqualTo("alice#1 to the group");
        assertThat(got.mode()).isEqualTo("group");
        assertThat(carol.messages.poll(300, TimeUnit.MILLISECONDS)).as("not a member").isNull();
    }

    @Test
    void usersWhoJoinedAGroupThroughOneConnectionAreInItWhenTheyLogInOnTheirOwnAsSetUpAndTheLoadDo() throws Exception {
        Connection setUp = driver().connect(server(), Connection.Options.of(WAIT, WAIT), new Heard());
        opened.add(setUp);
        for (String name : List.of("carol", "dave")) {
            ChatClient.await(setUp.signup(name, "pw-" + name));
            ChatClient.await(setUp.login(name, "pw-" + name));
            try {
                ChatClient.await(setUp.createGroup("crew", "made in set-up"));
            } catch (ChatException e) {
                assertThat(e.code()).isEqualTo(chatlab.protocol.ErrorCode.GROUP_EXISTS);
                ChatClient.await(setUp.join("crew"));
            }
            ChatClient.await(setUp.logout());
        }
        Heard dave = new Heard();
        Connection c = loggedIn("carol", new Heard());
        loggedIn("dave", dave);
        ChatClient.await(c.sendToGroup("crew", "carol#1 to the crew"));
        assertThat(dave.next().text()).isEqualTo("carol#1 to the crew");
    }

    private Connection loggedIn(String name, Heard heard) {
        Connection c = driver().connect(server(), Connection.Options.of(WAIT, WAIT), heard);
        opened.add(c);
        ChatClient.await(c.login(name, "pw-" + name));
        return c;
    }

    @Test
    void aUserWhoHearsPresenceIsToldOfAnotherComingOnline() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(driver().presence(), driver().name() + " has no presence");
        Heard alice = new Heard();
        user("alice", alice, true);
        user("bob", new Heard(), false);
        assertThat(alice.online.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("bob");
    }

    @Test
    void aConnectionTheServerDropsIsReportedLostAndOneClosedByItsOwnerIsNot() throws Exception {
        Heard alice = new Heard();
        Heard bob = new Heard();
        user("alice", alice, false);
        Connection b = user("bob", bob, false);
        b.close();
        stopServer();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (alice.lost.isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        assertThat(alice.lost).as("alice's connection lost").hasSize(1);
        assertThat(bob.lost).as("bob closed his own").isEmpty();
    }
}
