package chatlab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.p2p.transfer.TransferSettings;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Outcomes;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;

/** Files sent between logged-in clients: the server brokers, the peers send over real UDP. */
class FileTransfersIT {
    @TempDir
    Path dir;
    private TestServer server;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    /** A logged-in client with a UDP endpoint and its own download folder. */
    private final class Peer implements ChatListener, FileTransfers.Listener {
        final List<Path> received = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        final Path downloads;
        final ChatClient client;
        final PeerEndpoint endpoint;
        FileTransfers transfers;

        Peer(String user) throws Exception {
            downloads = dir.resolve("downloads-" + user);
            endpoint = PeerEndpoint.open("127.0.0.1", 0, Impairment.parse("loss=0.02"), user.hashCode());
            client = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions().withListener(this));
            open.add(client);
            transfers = new FileTransfers(client, endpoint, downloads,
                    TransferSettings.DEFAULT.withIdleTimeout(Duration.ofSeconds(5)), this);
            open.add(transfers);
            open.add(endpoint);
            ChatClient.await(client.login(user, "pw", endpoint.port()));
        }

        @Override
        public void onIncomingFile(ServerMessage.IncomingFile file) {
            transfers.accept(file);
        }

        @Override
        public void received(String from, String fileName, Path file) {
            received.add(file);
        }

        @Override
        public void receiveFailed(String from, String fileName, chatlab.p2p.transfer.TransferException error) {
            failed.add(error.getMessage());
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            server.signup(user, "pw");
            peers.put(user, new Peer(user));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }

    private Path file(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private void assertReceived(String user, String name, Path original) throws Exception {
        Path expected = peers.get(user).downloads.resolve(name);
        await().atMost(Recorder.WAIT).until(() -> peers.get(user).received.contains(expected));
        assertThat(Files.readAllBytes(expected)).isEqualTo(Files.readAllBytes(original));
    }

    /** Gives a peer transfers that trace to {@code template}. */
    private void traceTo(String user, Path template) {
        Peer peer = peers.get(user);
        peer.transfers = new FileTransfers(peer.client, peer.endpoint, peer.downloads,
                TransferSettings.DEFAULT.withIdleTimeout(Duration.ofSeconds(5)), peer,
                new TransferTraces(template, Impairment.parse("loss=0.02"), user.hashCode()));
        open.add(peer.transfers);
    }

    @Test
    void eachSideWritesATraceOfEachTransferItTakesPartIn() throws Exception {
        traceTo("alice", dir.resolve("traces/alice.jsonl"));
        traceTo("bob", dir.resolve("traces/bob.jsonl"));
        Path notes = file("notes.txt", 60_000);
        FileTransfers.Sent sent = ChatClient.await(peers.get("alice").transfers.send(notes, Audience.UNICAST, List.of("bob")));
        assertThat(sent.outcomes()).singleElement().satisfies(o -> assertThat(o.ok()).isTrue());
        assertReceived("bob", "alice_notes.txt", notes);

        chatlab.p2p.trace.Trace sending = chatlab.p2p.trace.TraceFile.read(dir.resolve("traces/alice-1-sent-bob.jsonl"));
        assertThat(sending.header().sides()).isEqualTo("sender");
        assertThat(sending.header().peer()).isEqualTo("bob");
        assertThat(sending.header().link().loss()).isEqualTo(0.02);
        assertThat(sending.count(chatlab.p2p.trace.TraceEvent.Type.SEND, chatlab.p2p.trace.Side.SENDER, "DATA"))
                .isEqualTo(sent.outcomes().getFirst().report().stats().transmissions());
        Path receivedTrace = dir.resolve("traces/bob-1-received-alice.jsonl");
        await().atMost(Recorder.WAIT).until(() -> Files.exists(receivedTrace)
                && chatlab.p2p.trace.TraceFile.read(receivedTrace).events().stream()
                        .anyMatch(e -> "FIN_ACK".equals(e.kind())));
        chatlab.p2p.trace.Trace receiving = chatlab.p2p.trace.TraceFile.read(receivedTrace);
        assertThat(receiving.header().strategy()).as("learnt from the SYN").isEqualTo("gbn");
        assertThat(receiving.count(chatlab.p2p.trace.TraceEvent.Type.RECV, chatlab.p2p.trace.Side.RECEIVER, "DATA"))
                .isGreaterThanOrEqualTo(59);
    }

    @Test
    void unicastSavesTheFileUnderTheSendersName() throws Exception {
        Path notes = file("notes.txt", 150_000);
        FileTransfers.Sent sent = ChatClient.await(peers.get("alice").transfers.send(notes, Audience.UNICAST, List.of("bob")));
        assertThat(sent.outcomes()).singleElement().satisfies(o -> assertThat(o.ok()).isTrue());
        assertReceived("bob", "alice_notes.txt", notes);
        assertThat(peers.get("carol").received).isEmpty();
    }

    @Test
    void aSecondFileOfTheSameNameGetsANewNameAndReplacesNothing() throws Exception {
        Path first = file("notes.txt", 20_000);
        ChatClient.await(peers.get("alice").transfers.send(first, Audience.UNICAST, List.of("bob")));
        assertReceived("bob", "alice_notes.txt", first);
        Path second = Files.write(dir.resolve("notes.txt"), "a newer version".getBytes(StandardCharsets.UTF_8));
        ChatClient.await(peers.get("alice").transfers.send(second, Audience.UNICAST, List.of("bob")));
        assertReceived("bob", "alice_notes (2).txt", second);
        assertThat(peers.get("bob").downloads.resolve("alice_notes.txt")).hasSize(20_000);
    }

    @Test
    void multicastBroadcastAndBlockcastServeSeveralReceiversInParallel() throws Exception {
        Path photo = file("photo.png", 300_000);
        ChatClient.await(peers.get("alice").transfers.send(photo, Audience.MULTICAST, List.of("bob", "carol")));
        assertReceived("bob", "alice_photo.png", photo);
        assertReceived("carol", "alice_photo.png", photo);
        Path slides = file("slides.pdf", 200_000);
        FileTransfers.Sent all = ChatClient.await(peers.get("bob").transfers.send(slides, Audience.BROADCAST, List.of()));
        assertThat(all.outcomes()).hasSize(3).allSatisfy(o -> assertThat(o.ok()).isTrue());
        for (String user : List.of("alice", "carol", "dave")) {
            assertReceived(user, "bob_slides.pdf", slides);
        }
        Path secret = file("secret.txt", 1_000);
        ChatClient.await(peers.get("carol").transfers.send(secret, Audience.BLOCKCAST, List.of("dave")));
        assertReceived("alice", "carol_secret.txt", secret);
        assertReceived("bob", "carol_secret.txt", secret);
        assertThat(peers.get("dave").received).noneMatch(p -> p.getFileName().toString().equals("carol_secret.txt"));
    }

    @Test
    void anOfflineReceiverIsNamed() throws Exception {
        server.signup("erin", "pw");
        Path notes = file("notes.txt", 10);
        assertThatThrownBy(() -> ChatClient.await(peers.get("alice").transfers.send(notes, Audience.UNICAST, List.of("erin"))))
                .isInstanceOfSatisfying(ChatException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER_OFFLINE);
                    assertThat(e.getMessage()).isEqualTo("erin is offline");
                });
        FileTransfers.Sent partly = ChatClient.await(peers.get("alice").transfers.send(notes, Audience.MULTICAST,
                List.of("bob", "erin")));
        assertThat(partly.offers().offline()).containsExactly("erin");
        assertThat(partly.offers().message()).contains("erin is offline");
    }

    @Test
    void aBlockedSenderIsRefused() throws Exception {
        ChatClient.await(peers.get("bob").client.block("alice"));
        Path notes = file("notes.txt", 10);
        assertThatThrownBy(() -> ChatClient.await(peers.get("alice").transfers.send(notes, Audience.UNICAST, List.of("bob"))))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RECIPIENT_BLOCKED));
        FileTransfers.Sent all = ChatClient.await(peers.get("alice").transfers.send(notes, Audience.BROADCAST, List.of()));
        assertThat(all.offers().blockedBy()).containsExactly("bob");
        assertThat(all.outcomes()).extracting(FileTransfers.Outcome::user).containsExactlyInAnyOrder("carol", "dave");
    }

    @Test
    void aSenderWithoutAUdpPortIsToldWhy() {
        server.signup("erin", "pw");
        ChatClient erin = server.login("erin", "pw", new Recorder());
        assertThat(Outcomes.codeOf(erin.sendFile(Audience.UNICAST, List.of("bob"), "x.txt", 1, "0".repeat(64))))
                .isEqualTo(ErrorCode.NO_UDP_PORT);
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> ChatClient.await(peers.get("alice").transfers.send(dir.resolve("nope.txt"),
                Audience.UNICAST, List.of("bob")))).isInstanceOfSatisfying(ChatException.class,
                        e -> assertThat(e.getMessage()).contains("no such file"));
    }
}
