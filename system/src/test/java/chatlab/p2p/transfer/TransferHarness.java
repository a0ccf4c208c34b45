package chatlab.p2p.transfer;

import chatlab.p2p.impair.Impairment;
import chatlab.p2p.trace.TransferTrace;
import chatlab.p2p.wire.TransferKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.crypto.SecretKey;

/** Two real UDP endpoints on loopback, with the same impairment both ways, and a file between them. */
final class TransferHarness implements AutoCloseable {
    final PeerEndpoint sender;
    final PeerEndpoint receiver;

    TransferHarness(Impairment impairment, long seed) throws IOException {
        sender = PeerEndpoint.open("127.0.0.1", 0, impairment, seed);
        receiver = PeerEndpoint.open("127.0.0.1", 0, impairment, seed + 1);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The two halves of one transfer, ready to run. */
    record Pair(FileSender sender, CompletableFuture<FileReceiver.Received> received, Offer offer) {
    }

    Pair prepare(byte[] data, String sha256, Path downloads, TransferSettings settings, long transferId, long isn) {
        return prepare(data, sha256, downloads, settings, transferId, isn, TransferTrace.OFF);
    }

    /** Both halves tell {@code trace} what happens. */
    Pair prepare(byte[] data, String sha256, Path downloads, TransferSettings settings, long transferId, long isn,
            TransferTrace trace) {
        SecretKey key = TransferKeys.fresh();
        Offer offer = new Offer(transferId, key, "alice", "notes.bin", data.length, sha256,
                new InetSocketAddress("127.0.0.1", sender.port()));
        CompletableFuture<FileReceiver.Received> received =
                new FileReceiver(receiver, offer, downloads, settings, Progress.NONE, trace).start();
        FileSender fileSender = new FileSender(sender, new InetSocketAddress("127.0.0.1", receiver.port()), transferId, key,
                ChunkSource.of(data), settings, isn, Progress.NONE, trace);
        return new Pair(fileSender, received, offer);
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }
}
