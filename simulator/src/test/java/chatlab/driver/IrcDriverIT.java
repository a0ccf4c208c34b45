package chatlab.driver;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.driver.irc.IrcDriver;
import chatlab.driver.irc.Ngircd;
import chatlab.protocol.UserStatus;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.kitteh.irc.client.library.Client;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.element.WhoisData;
import org.kitteh.irc.client.library.event.user.WhoisEvent;

/** The IRC driver against a real ngIRCd on loopback, started with the project's configuration. */
class IrcDriverIT extends PeerDriverContract {
    private static final Duration WAIT = Duration.ofSeconds(10);

    IrcDriverIT() {
        super(Ngircd.PROGRAM, new IrcDriver());
    }

    private Connection login(String name) {
        Connection c = driver().connect(server(), Connection.Options.of(WAIT, WAIT), new Heard());
        ChatClient.await(c.login(name, null));
        return c;
    }

    @Test
    void whoIsTheServersCountOfItsUsersAsItChanges() {
        try (Connection alice = login("alice")) {
            int alone = ChatClient.await(alice.who());
            assertThat(alone).isEqualTo(1);
            try (Connection bob = login("bob")) {
                assertThat(ChatClient.await(alice.who())).isEqualTo(2);
                ChatClient.await(bob.logout());
            }
            assertThat(ChatClient.await(alice.who())).isEqualTo(1);
        }
    }

    @Test
    void aStatusIsTheUsersAwayMessageAndOnlineTakesItBack() throws Exception {
        try (Connection alice = login("alice"); Connection bob = login("bob")) {
            ChatClient.await(alice.setStatus(UserStatus.DND));
            assertThat(awayMessage(bob, "alice")).isEqualTo("dnd");
            ChatClient.await(alice.setStatus(UserStatus.AWAY));
            assertThat(awayMessage(bob, "alice")).isEqualTo("away");
            ChatClient.await(alice.setStatus(UserStatus.ONLINE));
            assertThat(awayMessage(bob, "alice")).isNull();
            assertThat(alice.setStatus(UserStatus.OFFLINE)).failsWithin(Duration.ofSeconds(1))
                    .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(UnsupportedOperationException.class)
                    .withMessageContaining("IRC has no way to appear offline while connected");
        }
    }

    /** {@code whom}'s away message as {@code asker} finds it by WHOIS; null when not away. */
    private static String awayMessage(Connection asker, String whom) throws Exception {
        Client client = asker.unwrap(Client.class);
        BlockingQueue<WhoisData> answers = new LinkedBlockingQueue<>();
        Object listener = new Object() {
            @Handler
            public void whois(WhoisEvent e) {
                answers.add(e.getWhoisData());
            }
        };
        client.getEventManager().registerEventListener(listener);
        try {
            client.commands().whois().target(whom).execute();
            WhoisData data = answers.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(data).as("the answer to WHOIS " + whom).isNotNull();
            return data.getAwayMessage().orElse(null);
        } finally {
            client.getEventManager().unregisterEventListener(listener);
        }
    }
}
