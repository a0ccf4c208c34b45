package chatlab.gbn;

import chatlab.p2p.arq.SeqSpace;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.ChunkSource;
import chatlab.p2p.transfer.FileReceiver;
import chatlab.p2p.transfer.FileSender;
import chatlab.p2p.transfer.Offer;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.p2p.transfer.Progress;
import chatlab.p2p.transfer.TransferReport;
import chatlab.p2p.transfer.TransferSettings;
import chatlab.p2p.wire.TransferKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;

/**
 * Sends one file from one sender to several receivers over real UDP on loopback, all at once
 * (one thread per transfer, as chatlab's client sends to several recipients) or one after
 * another. The sender has one endpoint, so every transfer leaves through its one socket and
 * crosses its one impaired link: a shared bottleneck, as one sending machine's network
 * interface is. Each receiver has an endpoint of its own, whose acknowledgements are delayed.
 */
final class FanOut {
    /** One transfer's data phase, on the {@link System#nanoTime} clock, and what its sender counted. */
    record Timing(long dataStartNanos, long dataEndNanos, long retransmissions, long timeouts) {
        double seconds() {
            return (dataEndNanos - dataStartNanos) / 1e9;
        }
    }

    /** The transfers of one fan-out, in receiver order. */
    record Result(List<Timing> transfers) {
        /** From the first data segment sent to the last acknowledged, over every transfer. */
        double spanSeconds() {
            long start = transfers.stream().mapToLong(Timing::dataStartNanos).min().orElse(0);
            long end = transfers.stream().mapToLong(Timing::dataEndNanos).max().orElse(0);
            return (end - start) / 1e9;
        }

        /** The transfers' data phases added up: t + t + t for three one after another. */
        double sumSeconds() {
            return transfers.stream().mapToDouble(Timing::seconds).sum();
        }

        List<Double> eachSeconds() {
            return transfers.stream().map(Timing::seconds).toList();
        }

        long retransmissions() {
            return transfers.stream().mapToLong(Timing::retransmissions).sum();
        }

        long timeouts() {
            return transfers.stream().mapToLong(Timing::timeouts).sum();
        }
    }

    private static final long WAIT_SECONDS = 60;

    private FanOut() {
    }

    /**
     * Sends {@code file} to {@code receivers} receivers at {@code point}'s window over
     * {@code config}'s link. Throws with the first failure.
     */
    static Result run(SweepPoint point, SweepConfig config, int receivers, boolean parallel, long seed, byte[] file,
            String sha256, Path scratch) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        TransferSettings settings = config.settings(point);
        Path folder = Files.createDirectories(scratch.resolve("fan-out-" + Long.toHexString(seed)));
        List<PeerEndpoint> endpoints = new ArrayList<>();
        try {
            PeerEndpoint sender = open(endpoints, TransferRun.dataLink(point, config), random.nextLong());
            List<CompletableFuture<FileReceiver.Received>> received = new ArrayList<>();
            List<Callable<Timing>> sends = new ArrayList<>();
            for (int i = 0; i < receivers; i++) {
                PeerEndpoint receiver = open(endpoints, TransferRun.ackLink(point), random.nextLong());
                long transferId = random.nextLong() & ((1L << 52) - 1);
                long isn = random.nextLong() & (SeqSpace.MODULUS - 1);
                SecretKey key = TransferKeys.fresh();
                Offer offer = new Offer(transferId, key, "lab", "receiver-" + (i + 1) + ".txt", file.length, sha256,
                        new InetSocketAddress("127.0.0.1", sender.port()));
                received.add(new FileReceiver(receiver, offer, folder, settings, Progress.NONE).start());
                InetSocketAddress to = new InetSocketAddress("127.0.0.1", receiver.port());
                sends.add(() -> timed(new FileSender(sender, to, transferId, key, ChunkSource.of(file), settings, isn,
                        Progress.NONE)));
            }
            List<Timing> timings = parallel ? inParallel(sends) : inTurn(sends);
            for (CompletableFuture<FileReceiver.Received> r : received) {
                r.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            return new Result(timings);
        } finally {
            endpoints.forEach(PeerEndpoint::close);
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    private static PeerEndpoint open(List<PeerEndpoint> endpoints, Impairment link, long seed)
            throws IOException {
        PeerEndpoint endpoint = PeerEndpoint.open("127.0.0.1", 0, link, seed);
        endpoints.add(endpoint);
        return endpoint;
    }

    private static Timing timed(FileSender sender) throws Exception {
        long called = System.nanoTime();
        TransferReport report = sender.run();
        long dataStart = called + report.handshake().toNanos();
        return new Timing(dataStart, dataStart + report.data().toNanos(), report.stats().retransmissions(),
                report.stats().timeouts());
    }

    private static List<Timing> inTurn(List<Callable<Timing>> sends) throws Exception {
        List<Timing> timings = new ArrayList<>();
        for (var send : sends) {
            timings.add(send.call());
        }
        return timings;
    }

    private static List<Timing> inParallel(List<Callable<Timing>> sends) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Timing>> running = new ArrayList<>();
            for (var send : sends) {
                running.add(threads.submit(send));
            }
            List<Timing> timings = new ArrayList<>();
            for (Future<Timing> f : running) {
                try {
                    timings.add(f.get(WAIT_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return timings;
        }
    }
}
