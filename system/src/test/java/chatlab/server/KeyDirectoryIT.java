package chatlab.server;

import static chatlab.testing.TestServer.failure;
import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.e2e.IdentityKeys;
import chatlab.e2e.Sealing;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key directory over a real socket and a real SQLite file: publish, fetch, replace, and its errors. */
class KeyDirectoryIT {
    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        server.signup("alice", "pw-alice");
        server.signup("bob", "pw-bob");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKeyFetchedFromTheDirectoryOpensWhatItsOwnerSealed() throws Exception {
        IdentityKeys aliceKeys = IdentityKeys.loadOrCreate(dir.resolve("alice-data"));
        IdentityKeys bobKeys = IdentityKeys.loadOrCreate(dir.resolve("bob-data"));
        ChatClient alice = server.login("alice", "pw-alice", new Recorder());
        ChatClient bob = server.login("bob", "pw-bob", new Recorder());
        ServerMessage.IdentityKey published = ChatClient.await(alice.publishKey(aliceKeys.publicKey()));
        assertThat(published.fingerprint()).isEqualTo(IdentityKeys.fingerprint(aliceKeys.publicKey()));
        assertThat(published.message()).isEqualTo("Your identity key is published.");
        assertThat(ChatClient.await(alice.publishKey(aliceKeys.publicKey())).message())
                .isEqualTo("Your identity key was already published.");
        ChatClient.await(bob.publishKey(bobKeys.publicKey()));

        byte[] bobsKey = Base64.getDecoder().decode(ChatClient.await(alice.key("bob")).key());
        byte[] aad = "alice>bob".getBytes(StandardCharsets.UTF_8);
        Sealing.Sealed sealed = Sealing.seal("hello bob".getBytes(StandardCharsets.UTF_8), aad, bobsKey, aliceKeys);
        byte[] alicesKey = Base64.getDecoder().decode(ChatClient.await(bob.key("alice")).key());
        assertThat(new String(Sealing.open(sealed, aad, bobKeys, alicesKey), StandardCharsets.UTF_8)).isEqualTo("hello bob");
    }

    @Test
    void aNewKeyReplacesTheOldAndOutlivesARestart() throws Exception {
        ChatClient alice = server.login("alice", "pw-alice", new Recorder());
        ChatClient.await(alice.publishKey(IdentityKeys.generate().publicKey()));
        byte[] newKey = IdentityKeys.generate().publicKey();
        ChatClient.await(alice.publishKey(newKey));
        server.restart();
        ChatClient bob = server.login("bob", "pw-bob", new Recorder());
        ServerMessage.IdentityKey fetched = ChatClient.await(bob.key("alice"));
        assertThat(Base64.getDecoder().decode(fetched.key())).isEqualTo(newKey);
        assertThat(fetched.user()).isEqualTo("alice");
        assertThat(fetched.updatedAt()).isNotBlank();
    }

    @Test
    void refusesWhatIsNotAKeyAndNamesWhatIsMissing() {
        ChatClient alice = server.login("alice", "pw-alice", new Recorder());
        assertThat(failure(alice.key("bob")).code()).isEqualTo(ErrorCode.NO_KEY);
        assertThat(failure(alice.key("nobody")).code()).isEqualTo(ErrorCode.UNKNOWN_USER);
        assertThat(failure(alice.publishKey(new byte[16])).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
