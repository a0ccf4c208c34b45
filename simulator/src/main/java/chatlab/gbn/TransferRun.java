package chatlab.gbn;

import chatlab.p2p.arq.SeqSpace;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.trace.TransferTrace;
import chatlab.p2p.transfer.ChunkSource;
import chatlab.p2p.transfer.FileReceiver;
import chatlab.p2p.transfer.FileSender;
import chatlab.p2p.transfer.Offer;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.p2p.transfer.Progress;
import chatlab.p2p.transfer.TransferException;
import chatlab.p2p.transfer.TransferReport;
import chatlab.p2p.transfer.TransferSettings;
import chatlab.p2p.wire.TransferKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;

/**
 * Runs one transfer of the sweep between two real UDP endpoints on loopback. On an impaired
 * point the sender's datagrams cross the modelled link (rate, delay, loss) and the receiver's
 * acknowledgements the delay alone; on a clean point there is no impairer at all.
 */
final class TransferRun {
    private TransferRun() {
    }

    static Measurement run(SweepPoint point, int repeat, long seed, SweepConfig config, byte[] file, String sha256,
            Path scratch) throws IOException {
        return run(point, repeat, seed, config, file, sha256, scratch, TransferTrace.OFF);
    }

    /** One transfer whose two sides and links tell {@code trace} what happens (chatlab.gbn.trace). */
    static Measurement run(SweepPoint point, int repeat, long seed, SweepConfig config, byte[] file, String sha256,
            Path scratch, TransferTrace trace) throws IOException {
        Impairment data = dataLink(point, config);
        Impairment acks = ackLink(point);
        TransferSettings settings = config.settings(point);
        SplittableRandom random = new SplittableRandom(seed);
        long transferId = random.nextLong() & ((1L << 52) - 1);
        SecretKey key = TransferKeys.fresh();
        Path folder = Files.createDirectories(scratch.resolve("run-" + Long.toHexString(seed) + "-" + point.strategy().code()));
        try (PeerEndpoint sender = PeerEndpoint.open("127.0.0.1", 0, data, seed);
                PeerEndpoint receiver = PeerEndpoint.open("127.0.0.1", 0, acks, random.nextLong())) {
            Offer offer = new Offer(transferId, key, "lab", "sweep.bin", file.length, sha256,
                    new InetSocketAddress("127.0.0.1", sender.port()));
            var received = new FileReceiver(receiver, offer, folder, settings, Progress.NONE, trace).start();
            TransferReport report = new FileSender(sender, new InetSocketAddress("127.0.0.1", receiver.port()),
                    transferId, key, ChunkSource.of(file), settings, random.nextLong() & (SeqSpace.MODULUS - 1),
                    Progress.NONE, trace).run();
            received.get(SweepConfig.IDLE.toSeconds(), TimeUnit.SECONDS);
            var link = sender.impairerStats();
            return measured(point, repeat, seed, report, config.chunkBytes(), link == null ? 0 : link.offered(),
                    link == null ? 0 : link.lost());
        } catch (TransferException e) {
            return failed(point, repeat, seed, file.length, e.getMessage());
        } catch (Exception e) {
            return failed(point, repeat, seed, file.length, e.toString());
        } finally {
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** The link the sender's datagrams cross: rate, delay and loss; nothing on a clean point. */
    static Impairment dataLink(SweepPoint point, SweepConfig config) {
        return point.clean() ? Impairment.NONE : Impairment.NONE.withLoss(point.loss())
                .withDelay(Duration.ofNanos(Math.round(point.delayMs() * 1e6))).withRate(config.rateBitsPerSecond());
    }

    /** The way back: acknowledgements are delayed, never rate-limited or lost. */
    static Impairment ackLink(SweepPoint point) {
        return point.clean() ? Impairment.NONE
                : Impairment.NONE.withDelay(Duration.ofNanos(Math.round(point.delayMs() * 1e6)));
    }

    private static Measurement measured(SweepPoint p, int repeat, long seed, TransferReport r, int chunk, long offered,
            long lost) {
        double steady = r.steadyGoodputBitsPerSecond(chunk);
        long startup = steady <= 0 ? 0 : Math.max(0, r.data().toNanos() - Math.round(r.segments() * chunk * 8 / steady * 1e9));
        return new Measurement(p.strategy(), p.window(), p.loss(), p.delayMs(), p.clean(), repeat, seed, r.bytes(),
                r.segments(), r.data().toNanos(), r.goodputBytesPerSecond() * 8, steady, r.handshake().toNanos(), startup,
                r.stats().transmissions(), r.stats().retransmissions(), r.stats().timeouts(),
                r.stats().meanTimeoutNanos() / 1e6, r.srttNanos() / 1e6, r.minRttNanos() / 1e6, offered, lost, null);
    }

    private static Measurement failed(SweepPoint p, int repeat, long seed, long bytes, String error) {
        return new Measurement(p.strategy(), p.window(), p.loss(), p.delayMs(), p.clean(), repeat, seed, bytes, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, error);
    }
}
