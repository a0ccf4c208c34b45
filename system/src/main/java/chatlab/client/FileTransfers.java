package chatlab.client;

import chatlab.p2p.arq.SeqSpace;
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
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.FileRoute;
import chatlab.protocol.ServerMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Files between peers for one client: asks the server where to send, runs one sender per
 * recipient in parallel over the client's UDP endpoint, and takes incoming files into the
 * download folder. Several transfers, both ways, run at once.
 */
public final class FileTransfers implements AutoCloseable {

    /** What becomes of transfers, for a user interface. Called from transfer threads. */
    public interface Listener {
        default void progress(String peer, String fileName, boolean sending, long done, long total) {
        }

        default void received(String from, String fileName, Path file) {
        }

        /** A file arrived whole: the offer it came with (its sender, name and group, if any), and where it is. */
        default void received(ServerMessage.IncomingFile offer, Path file) {
            received(offer.from(), offer.fileName(), file);
        }

        default void receiveFailed(String from, String fileName, TransferException error) {
        }
    }

    /** How a send to one recipient ended: a report, or the error. */
    public record Outcome(String user, TransferReport report, TransferException error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** The server's answer and the outcome of every send. */
    public record Sent(ServerMessage.FileOffers offers, List<Outcome> outcomes) {
    }

    private final ChatClient client;
    private final PeerEndpoint endpoint;
    private final Path downloads;
    private final TransferSettings settings;
    private final Listener listener;
    private final TransferTraces traces;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final SecureRandom random = new SecureRandom();

    public FileTransfers(ChatClient client, PeerEndpoint endpoint, Path downloads, TransferSettings settings,
            Listener listener) {
        this(client, endpoint, downloads, settings, listener, null);
    }

    /** Transfers that each write a trace through {@code traces} (none if null). */
    public FileTransfers(ChatClient client, PeerEndpoint endpoint, Path downloads, TransferSettings settings,
            Listener listener, TransferTraces traces) {
        this.traces = traces;
        this.client = client;
        this.endpoint = endpoint;
        this.downloads = downloads;
        this.settings = settings;
        this.listener = listener;
    }

    public PeerEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Sends a file to the named users (for a blockcast: to everyone but them). The future ends
     * when every send has ended; an error from the server fails it with a {@link ChatException}.
     */
    public CompletableFuture<Sent> send(Path file, Audience mode, List<String> names) {
        return send(file, (name, size, sha256) -> client.sendFile(mode, names, name, size, sha256));
    }

    /** Sends a file to a group's other members who are online, as {@link #send(Path, Audience, List)} does. */
    public CompletableFuture<Sent> sendToGroup(Path file, String group) {
        return send(file, (name, size, sha256) -> client.sendFileToGroup(group, name, size, sha256));
    }

    /** How a send asks the server for its routes. */
    private interface OfferRequest {
        CompletableFuture<ServerMessage.FileOffers> ask(String fileName, long size, String sha256);
    }

    private CompletableFuture<Sent> send(Path file, OfferRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            String sha256 = sha256(file);
            long size = size(file);
            ServerMessage.FileOffers offers = ChatClient.await(request.ask(file.getFileName().toString(), size, sha256));
            List<CompletableFuture<Outcome>> sends = new ArrayList<>();
            for (FileRoute route : offers.routes()) {
                sends.add(CompletableFuture.supplyAsync(() -> sendTo(file, route), threads));
            }
            return new Sent(offers, sends.stream().map(CompletableFuture::join).toList());
        }, threads);
    }

    private Outcome sendTo(Path file, FileRoute route) {
        String name = file.getFileName().toString();
        try (ChunkSource source = ChunkSource.of(file);
                TransferTrace trace = traces == null ? TransferTrace.OFF
                        : traces.sending(route.user(), name, source.size(), route.transferId(), settings)) {
            FileSender sender = new FileSender(endpoint, new InetSocketAddress(route.address(), route.udpPort()),
                    route.transferId(), TransferKeys.decode(route.key()), source, settings,
                    random.nextLong() & (SeqSpace.MODULUS - 1),
                    (done, total) -> listener.progress(route.user(), name, true, done, total), trace);
            return new Outcome(route.user(), sender.run(), null);
        } catch (TransferException e) {
            return new Outcome(route.user(), null, e);
        } catch (IOException e) {
            return new Outcome(route.user(), null, new TransferException(TransferException.Reason.IO_FAILED,
                    "reading " + file + " failed: " + e.getMessage(), e));
        }
    }

    /** Takes a file someone is sending: call from {@link ChatListener#onIncomingFile}. */
    public CompletableFuture<FileReceiver.Received> accept(ServerMessage.IncomingFile incoming) {
        Offer offer = new Offer(incoming.transferId(), TransferKeys.decode(incoming.key()), incoming.from(),
                incoming.fileName(), incoming.size(), incoming.sha256(),
                new InetSocketAddress(incoming.address(), incoming.udpPort()));
        Progress progress = (done, total) -> listener.progress(incoming.from(), incoming.fileName(), false, done, total);
        TransferTrace trace = traces == null ? TransferTrace.OFF
                : traces.receiving(incoming.from(), incoming.fileName(), incoming.size(), incoming.transferId());
        return new FileReceiver(endpoint, offer, downloads, settings, progress, trace).start().whenComplete((received, error) -> {
            trace.close();
            if (received != null) {
                listener.received(incoming, received.file());
            } else if (error instanceof TransferException te) {
                listener.receiveFailed(incoming.from(), incoming.fileName(), te);
            } else if (error != null && error.getCause() instanceof TransferException te) {
                listener.receiveFailed(incoming.from(), incoming.fileName(), te);
            }
        });
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchFileException e) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "no such file: " + file);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new ChatException(ErrorCode.INVALID_ARGUMENT, file + " is a folder, not a file");
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
