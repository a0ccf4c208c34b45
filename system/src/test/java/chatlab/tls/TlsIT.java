package chatlab.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Outcomes;
import chatlab.testing.RecordingRelay;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client–server channel is TLS 1.3 by default, and a client trusts only the server it knows. */
class TlsIT {
    private static final String PASSWORD = "s3cretPW-of-alice";
    private static final String TEXT = "meet me at the usual place at nine";

    @TempDir
    Path dir;

    private record Seen(String bytes, List<String> keys) {
    }

    /** Sign-up, login, a chat message and a file offer between two users, through a relay that records every byte. */
    private static Seen session(TestServer server, ChannelSecurity security) throws Exception {
        try (RecordingRelay relay = new RecordingRelay(server.port())) {
            ClientOptions options = ClientOptions.defaults().withSecurity(security);
            Recorder bobSees = new Recorder();
            bobSees.onIncomingFile(file -> { });
            try (ChatClient alice = ChatClient.connect("127.0.0.1", relay.port(), options);
                    ChatClient bob = ChatClient.connect("127.0.0.1", relay.port(), options.withListener(bobSees))) {
                ChatClient.await(alice.signup("alice", PASSWORD));
                ChatClient.await(bob.signup("bob", "bobs-own-pw"));
                ChatClient.await(alice.login("alice", PASSWORD, 6001));
                ChatClient.await(bob.login("bob", "bobs-own-pw", 6002));
                ChatClient.await(alice.unicast("bob", TEXT));
                ServerMessage.FileOffers offers = ChatClient.await(alice.sendFile(Audience.UNICAST, List.of("bob"),
                        "plans.txt", 10, "ab".repeat(32)));
                bobSees.awaitChats(1);
                await().atMost(Recorder.WAIT).until(() -> !bobSees.incomingFiles.isEmpty());
                String offered = offers.routes().getFirst().key();
                String incoming = bobSees.incomingFiles.getFirst().key();
                await().atMost(Recorder.WAIT).until(() -> relay.seen().length() > 0);
                return new Seen(relay.seen(), List.of(offered, incoming));
            }
        }
    }

    @Test
    void nothingSecretCrossesTheWireInTheClearButDoesWithPlaintext() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("tls"))) {
            Seen tls = session(server, server.security());
            assertThat(tls.bytes()).doesNotContain(PASSWORD, TEXT, "plans.txt", "\"login\"");
            for (String key : tls.keys()) {
                assertThat(tls.bytes()).doesNotContain(key);
            }
        }
        // the control: the same session without TLS shows all of it, so the relay does see what crosses
        try (TestServer plain = TestServer.start(dir.resolve("plain"), b -> b.plaintext(true))) {
            Seen clear = session(plain, new ChannelSecurity.Plaintext());
            assertThat(clear.bytes()).contains(PASSWORD, TEXT, clear.keys().getFirst(), clear.keys().getLast());
        }
    }

    @Test
    void aClientRecordsAServerOnFirstUseAndRefusesAnotherCertificateLater() throws Exception {
        Path known = dir.resolve("known_servers");
        List<String> firstUse = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChannelSecurity tofu = new ChannelSecurity.TrustOnFirstUse(KnownServers.in(known), firstUse::add);
        try (TestServer server = TestServer.start(dir.resolve("s"))) {
            String fingerprint = server.server().fingerprint();
            try (ChatClient client = ChatClient.connect("127.0.0.1", server.port(), ClientOptions.defaults().withSecurity(tofu))) {
                assertThat(client.welcome().server()).startsWith("chatlab/");
            }
            assertThat(firstUse).containsExactly(fingerprint);
            assertThat(Files.readString(known)).isEqualTo("127.0.0.1:" + server.port() + " " + fingerprint
                    + System.lineSeparator());
            assertThat(Files.getPosixFilePermissions(server.server().config().keyStore()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            // the same server again: known, not recorded twice
            ChatClient.connect("127.0.0.1", server.port(), ClientOptions.defaults().withSecurity(tofu)).close();
            assertThat(firstUse).hasSize(1);

            // another certificate on the same address, as an impostor or a rebuilt server would present
            Files.delete(server.server().config().keyStore());
            server.restart();
            String other = server.server().fingerprint();
            assertThat(other).isNotEqualTo(fingerprint);
            assertThat(Outcomes.codeOf(() -> ChatClient.connect("127.0.0.1", server.port(),
                    ClientOptions.defaults().withSecurity(tofu)))).isEqualTo(ErrorCode.UNTRUSTED_SERVER);
            try {
                ChatClient.connect("127.0.0.1", server.port(), ClientOptions.defaults().withSecurity(tofu));
            } catch (ChatException e) {
                assertThat(e.getMessage()).contains(other, fingerprint, known.toString(), "line 1", "--trust " + other);
            }
            // a pin says which one is meant
            assertThat(Outcomes.codeOf(() -> ChatClient.connect("127.0.0.1", server.port(),
                    ClientOptions.defaults().withSecurity(new ChannelSecurity.Pinned(fingerprint)))))
                    .isEqualTo(ErrorCode.UNTRUSTED_SERVER);
            ChatClient.connect("127.0.0.1", server.port(), ClientOptions.defaults()
                    .withSecurity(new ChannelSecurity.Pinned(other))).close();
        }
    }

    @Test
    void aServerMadeOnceKeepsItsCertificateAcrossRestarts() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String fingerprint = server.server().fingerprint();
            server.restart();
            assertThat(server.server().fingerprint()).isEqualTo(fingerprint);
        }
    }

    @Test
    void aCertificateAndKeyInPemAreServedAndVerifiedByTheirAuthority() throws Exception {
        ServerIdentity made = ServerIdentity.loadOrCreate(dir.resolve("made.p12"));
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        Files.writeString(cert, pem(made.certificate()));
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dir.resolve("made.p12"))) {
            store.load(in, "chatlab".toCharArray());
        }
        // as openssl writes a key today: unencrypted PKCS#8
        Files.writeString(key, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                (java.security.PrivateKey) store.getKey("chatlab-server", "chatlab".toCharArray()), null).generate()));
        try (TestServer server = TestServer.start(dir.resolve("pem"), b -> b.tls(cert, key))) {
            assertThat(server.server().fingerprint()).isEqualTo(made.fingerprint());
            ChatClient verified = ChatClient.connect("127.0.0.1", server.port(), ClientOptions.defaults()
                    .withSecurity(new ChannelSecurity.Authority(cert)));
            assertThat(ChatClient.await(verified.ping()).message()).isEqualTo("pong");
            verified.close();
        }
    }

    private static String pem(Object object) throws java.io.IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    @Test
    void aClientThatExpectsTheOtherKindOfChannelIsToldWhatToDo() throws Exception {
        try (TestServer tls = TestServer.start(dir.resolve("tls"))) {
            ChatException plain = catching(() -> ChatClient.connect("127.0.0.1", tls.port(), ClientOptions.defaults()
                    .withSecurity(new ChannelSecurity.Plaintext()).withRequestTimeout(java.time.Duration.ofSeconds(3))));
            assertThat(plain.getMessage()).contains("connect without --plaintext");
        }
        try (TestServer plain = TestServer.start(dir.resolve("plain"), b -> b.plaintext(true))) {
            ChatException tls = catching(() -> ChatClient.connect("127.0.0.1", plain.port(), ClientOptions.defaults()
                    .withSecurity(new ChannelSecurity.Pinned("SHA256:" + "A".repeat(43)))));
            assertThat(tls.code()).isEqualTo(ErrorCode.SERVER_UNREACHABLE);
            assertThat(tls.getMessage()).contains("did not complete a TLS handshake", "--plaintext");
        }
    }

    private static ChatException catching(Runnable action) {
        try {
            action.run();
        } catch (ChatException e) {
            return e;
        }
        throw new AssertionError("the connection was not refused");
    }
}
