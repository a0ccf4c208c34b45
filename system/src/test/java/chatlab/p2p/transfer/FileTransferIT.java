package chatlab.p2p.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import chatlab.p2p.arq.SeqSpace;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.wire.Datagram;
import chatlab.p2p.wire.DatagramCodec;
import chatlab.p2p.wire.TransferKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files over real UDP between two endpoints on loopback, through the seeded impairer. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FileTransferIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TransferSettings FAST = TransferSettings.DEFAULT.withIdleTimeout(Duration.ofSeconds(5));

    @TempDir
    Path downloads;

    private static FileReceiver.Received transfer(TransferHarness link, byte[] data, Path downloads,
            TransferSettings settings, long transferId, long isn) throws Exception {
        TransferHarness.Pair pair = link.prepare(data, TransferHarness.sha256(data), downloads, settings, transferId, isn);
        TransferReport report = pair.sender().run();
        assertThat(report.bytes()).isEqualTo(data.length);
        return pair.received().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A 2 MiB transfer with a small window and a 1 s idle timeout: slow enough to cut off midway. */
    private TransferHarness.Pair slowTransferUnderWay(TransferHarness link) {
        byte[] data = TransferHarness.randomBytes(2 << 20, 2);
        TransferSettings settings = FAST.withIdleTimeout(Duration.ofSeconds(1)).withWindow(4);
        return link.prepare(data, TransferHarness.sha256(data), downloads, settings, 6, 0);
    }

    /** Runs a send on a thread of its own (the common pool has one thread on two cores). */
    private static CompletableFuture<TransferReport> inBackground(FileSender sender) {
        CompletableFuture<TransferReport> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(sender.run());
            } catch (TransferException e) {
                result.completeExceptionally(new IllegalStateException(e));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static List<Path> partialFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    @ParameterizedTest(name = "{0}, {1} bytes, {2}")
    @CsvSource(delimiter = '|', value = {
            "GO_BACK_N        | 0      | loss=0.3,dup=0.05,reorder=0.05,corrupt=0.05",
            "GO_BACK_N        | 1      | loss=0.3,dup=0.05,reorder=0.05,corrupt=0.05",
            "GO_BACK_N        | 40000  | loss=0.1,dup=0.05,reorder=0.05,corrupt=0.05",
            "SELECTIVE_REPEAT | 0      | loss=0.3,dup=0.05,reorder=0.05,corrupt=0.05",
            "SELECTIVE_REPEAT | 1      | loss=0.3,dup=0.05,reorder=0.05,corrupt=0.05",
            "SELECTIVE_REPEAT | 40000  | loss=0.3,dup=0.05,reorder=0.05,corrupt=0.05",
            "STOP_AND_WAIT    | 20000  | loss=0.2,dup=0.05,reorder=0.05,corrupt=0.05",
    })
    void arrivesByteIdenticalOverManySeeds(Strategy strategy, int size, String impairment) throws Exception {
        for (long seed = 1; seed <= 8; seed++) {
            Path folder = downloads.resolve(strategy.code() + "-" + size + "-" + seed);
            byte[] data = TransferHarness.randomBytes(size, seed);
            try (TransferHarness link = new TransferHarness(Impairment.parse(impairment), seed)) {
                FileReceiver.Received received = transfer(link, data, folder, FAST.withStrategy(strategy).withWindow(16),
                        seed, seed * 7919);
                assertThat(received.file()).hasFileName("alice_notes.bin");
                assertThat(Files.readAllBytes(received.file())).as("seed %d", seed).isEqualTo(data);
                assertThat(partialFiles(folder)).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}, 3 MiB, loss {1}")
    @CsvSource({"GO_BACK_N, 0.0", "GO_BACK_N, 0.05", "SELECTIVE_REPEAT, 0.3"})
    void severalMebibytesArriveIntact(Strategy strategy, double loss) throws Exception {
        byte[] data = TransferHarness.randomBytes(3 << 20, 11);
        Impairment impairment = Impairment.parse("dup=0.02,reorder=0.02,corrupt=0.02").withLoss(loss);
        try (TransferHarness link = new TransferHarness(impairment, 5)) {
            FileReceiver.Received received = transfer(link, data, downloads, FAST.withStrategy(strategy).withWindow(64),
                    99, 12345);
            assertThat(Files.readAllBytes(received.file())).isEqualTo(data);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GO_BACK_N", "SELECTIVE_REPEAT"})
    void everyAcknowledgementTimesTheTransmissionItAnswersRetransmissionsToo(Strategy strategy) throws Exception {
        byte[] data = TransferHarness.randomBytes(400 * 1024, 4);
        try (TransferHarness link = new TransferHarness(Impairment.parse("loss=0.1"), 12)) {
            TransferHarness.Pair pair = link.prepare(data, TransferHarness.sha256(data), downloads,
                    FAST.withStrategy(strategy).withWindow(16), 8, 77);
            TransferReport report = pair.sender().run();
            assertThat(Files.readAllBytes(pair.received().get(WAIT.toSeconds(), TimeUnit.SECONDS).file())).isEqualTo(data);
            assertThat(report.stats().retransmissions()).as("the loss made retransmissions").isPositive();
            // Karn's rule alone would skip every acknowledgement of a retransmitted segment, and every
            // repeated one; the echo times the transmission each acknowledgement answers
            assertThat(report.stats().rttSamples()).as("round trips sampled of %d acknowledgements", report.stats().acks())
                    .isEqualTo(report.stats().acks());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GO_BACK_N", "SELECTIVE_REPEAT"})
    void sequenceNumbersWrapAroundPastTheTop(Strategy strategy) throws Exception {
        byte[] data = TransferHarness.randomBytes(100 * 1024, 3);
        long isn = SeqSpace.MODULUS - 37; // the 38th segment is numbered 0
        try (TransferHarness link = new TransferHarness(Impairment.parse("loss=0.1,reorder=0.05"), 8)) {
            FileReceiver.Received received = transfer(link, data, downloads, FAST.withStrategy(strategy), 7, isn);
            assertThat(Files.readAllBytes(received.file())).isEqualTo(data);
        }
    }

    @Test
    void aReceiverTakesSeveralTransfersAtOnce() throws Exception {
        try (TransferHarness link = new TransferHarness(Impairment.parse("loss=0.05"), 4)) {
            List<byte[]> files = new ArrayList<>();
            List<TransferHarness.Pair> pairs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                byte[] data = TransferHarness.randomBytes(200_000 + i, i);
                files.add(data);
                pairs.add(link.prepare(data, TransferHarness.sha256(data), downloads.resolve("f" + i), FAST, 1000 + i, i));
            }
            List<CompletableFuture<TransferReport>> sends = pairs.stream().map(p -> inBackground(p.sender())).toList();
            for (int i = 0; i < 4; i++) {
                sends.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                Path file = pairs.get(i).received().get(WAIT.toSeconds(), TimeUnit.SECONDS).file();
                assertThat(Files.readAllBytes(file)).isEqualTo(files.get(i));
            }
        }
    }

    @Test
    void aWrongHashIsRefusedOnBothSidesAndLeavesNoFile() throws Exception {
        byte[] data = TransferHarness.randomBytes(10_000, 1);
        try (TransferHarness link = new TransferHarness(Impairment.NONE, 1)) {
            TransferHarness.Pair pair = link.prepare(data, "00".repeat(32), downloads, FAST, 5, 0);
            assertThatThrownBy(() -> pair.sender().run()).isInstanceOfSatisfying(TransferException.class,
                    e -> assertThat(e.reason()).isEqualTo(TransferException.Reason.HASH_MISMATCH));
            assertThatThrownBy(() -> pair.received().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(TransferException.class,
                            e -> assertThat(e.reason()).isEqualTo(TransferException.Reason.HASH_MISMATCH));
            try (Stream<Path> files = Files.list(downloads)) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void aReceiverThatVanishesFailsBothSidesAndLeavesNoPartialFile() throws Exception {
        try (TransferHarness link = new TransferHarness(Impairment.parse("delay=2ms"), 1)) {
            TransferHarness.Pair pair = slowTransferUnderWay(link);
            CompletableFuture<TransferReport> send = inBackground(pair.sender());
            await().atMost(WAIT).until(() -> !partialFiles(downloads).isEmpty());
            link.receiver.close();
            assertThatThrownBy(() -> send.get(30, TimeUnit.SECONDS)).cause().cause()
                    .isInstanceOfSatisfying(TransferException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TransferException.Reason.PEER_VANISHED);
                        assertThat(e.getMessage()).contains("stopped answering");
                    });
            assertThatThrownBy(() -> pair.received().get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(TransferException.class,
                            e -> assertThat(e.reason()).isEqualTo(TransferException.Reason.PEER_VANISHED));
            assertThat(partialFiles(downloads)).isEmpty();
        }
    }

    @Test
    void aSenderThatVanishesFailsTheReceiverAndLeavesNoPartialFile() throws Exception {
        try (TransferHarness link = new TransferHarness(Impairment.parse("delay=2ms"), 1)) {
            TransferHarness.Pair pair = slowTransferUnderWay(link);
            CompletableFuture<TransferReport> send = inBackground(pair.sender());
            await().atMost(WAIT).until(() -> !partialFiles(downloads).isEmpty());
            link.sender.close();
            assertThatThrownBy(() -> pair.received().get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(TransferException.class, e -> {
                        assertThat(e.reason()).isEqualTo(TransferException.Reason.PEER_VANISHED);
                        assertThat(e.getMessage()).contains("alice stopped sending notes.bin");
                    });
            assertThatThrownBy(() -> send.get(30, TimeUnit.SECONDS)).cause().cause()
                    .isInstanceOf(TransferException.class);
            assertThat(partialFiles(downloads)).isEmpty();
        }
    }

    @Test
    void forgedDatagramsAreNeverWritten() throws Exception {
        byte[] data = TransferHarness.randomBytes(300_000, 4);
        try (TransferHarness link = new TransferHarness(Impairment.NONE, 1);
                PeerEndpoint attacker = PeerEndpoint.open("127.0.0.1", 0, Impairment.NONE, 1)) {
            TransferHarness.Pair pair = link.prepare(data, TransferHarness.sha256(data), downloads, FAST.withWindow(4), 77, 0);
            DatagramCodec forger = new DatagramCodec(TransferKeys.fresh());
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2_000 && !pair.received().isDone(); i++) {
                    attacker.send(forger.encode(new Datagram.Data(77, i % 300, new byte[1024]), i),
                            new InetSocketAddress("127.0.0.1", link.receiver.port()));
                }
            });
            pair.sender().run();
            flood.get(30, TimeUnit.SECONDS);
            assertThat(Files.readAllBytes(pair.received().get(30, TimeUnit.SECONDS).file())).isEqualTo(data);
        }
    }

    @Test
    void aReceiverThatNeverAnswersIsUnreachable() throws Exception {
        byte[] data = TransferHarness.randomBytes(100, 1);
        try (PeerEndpoint sender = PeerEndpoint.open("127.0.0.1", 0, Impairment.NONE, 1);
                PeerEndpoint silent = PeerEndpoint.open("127.0.0.1", 0, Impairment.NONE, 2)) {
            FileSender fileSender = new FileSender(sender, new InetSocketAddress("127.0.0.1", silent.port()), 1,
                    TransferKeys.fresh(), ChunkSource.of(data), FAST.withIdleTimeout(Duration.ofSeconds(1)), 0, Progress.NONE);
            assertThatThrownBy(fileSender::run).isInstanceOfSatisfying(TransferException.class, e -> {
                assertThat(e.reason()).isEqualTo(TransferException.Reason.PEER_UNREACHABLE);
                assertThat(e.getMessage()).contains("never answered");
            });
            assertThat(silent.unknownDatagrams()).isPositive();
        }
    }

    @Test
    void aReceiverKeptWaitingRepeatsItsAcknowledgementAsAKeepalive() throws Exception {
        byte[] data = TransferHarness.randomBytes(10_000, 5);
        TransferSettings settings = FAST.withIdleTimeout(Duration.ofSeconds(2)).withWindow(4);
        try (TransferHarness link = new TransferHarness(Impairment.NONE, 1)) {
            TransferHarness.Pair pair = link.prepare(data, TransferHarness.sha256(data), downloads, settings, 42, 1000);
            // A hand-driven sender: it opens the transfer, sends the first segment, and then says nothing.
            DatagramCodec codec = new DatagramCodec(pair.offer().key());
            DatagramCodec incoming = new DatagramCodec(pair.offer().key()); // a codec serves one thread
            List<Datagram.Ack> acks = new java.util.concurrent.CopyOnWriteArrayList<>();
            link.sender.register(42, (bytes, from) -> {
                try {
                    if (incoming.decode(bytes) instanceof Datagram.Ack ack) {
                        acks.add(ack);
                    }
                } catch (chatlab.p2p.wire.BadDatagramException e) {
                    throw new AssertionError(e);
                }
            });
            InetSocketAddress receiver = new InetSocketAddress("127.0.0.1", link.receiver.port());
            link.sender.send(codec.encode(new Datagram.Syn(42, 1000, Strategy.GO_BACK_N, 4, 1024, 10, data.length), 0), receiver);
            link.sender.send(codec.encode(new Datagram.Data(42, 1000, java.util.Arrays.copyOf(data, 1024)), 1), receiver);

            assertThatThrownBy(() -> pair.received().get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(TransferException.class,
                            e -> assertThat(e.reason()).isEqualTo(TransferException.Reason.PEER_VANISHED));
            // one acknowledgement for the segment, then the same again each eighth of the idle timeout
            assertThat(acks).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(ack -> assertThat(ack.cumulative()).isEqualTo(1001));
        }
    }
}
