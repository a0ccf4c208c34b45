package chatlab.sim;

import chatlab.checker.DirectChecker;
import chatlab.client.ChatClient;
import chatlab.client.DirectChat;
import chatlab.client.FileTransfers;
import chatlab.client.TracingClient;
import chatlab.history.Event;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.lab.Seeds;
import chatlab.lab.TestFiles;
import chatlab.p2p.direct.DirectMessages;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.p2p.transfer.TransferException;
import chatlab.p2p.transfer.TransferSettings;
import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.workload.GroupSpec;
import chatlab.workload.P2pSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * A user's peer-to-peer side: one UDP port for the whole run (through the seeded impairer, as
 * its group says), and, while a client is connected, its file transfers and contact tracing,
 * and while it is logged in, its direct messages (relaying for others too). It records beacons
 * sent and heard, tempIDs, uploads and files, sent and received, and direct messages sent,
 * shown, delivered later and expired.
 */
final class PeerSide implements FileTransfers.Listener, TracingClient.Listener, DirectMessages.Listener {
    private final SimContext ctx;
    private final String process;
    private final String user;
    private final GroupSpec group;
    private final PeerEndpoint endpoint;
    private final Path dir;
    private FileTransfers transfers;
    private TracingClient tracing;
    private volatile DirectChat direct;
    /** How many times this user's direct messages started: each start's random stream is its own. */
    private int directStarts;
    /** This user's direct messages held by relays, by id: their tokens, for what the relays tell later. */
    private final java.util.Map<Long, String> heldTokens = new java.util.concurrent.ConcurrentHashMap<>();

    PeerSide(SimContext ctx, String process, String user, GroupSpec group) {
        this.ctx = ctx;
        this.process = process;
        this.user = user;
        this.group = group;
        try {
            this.dir = Files.createDirectories(ctx.scratch().resolve(user));
            this.endpoint = PeerEndpoint.open("127.0.0.1", 0, group.p2p().impairment(),
                    Seeds.derive(ctx.scenario.seed(), -3, ctx.accounts.chatIndex(user)));
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + user + "'s UDP port failed", e);
        }
        ctx.peers.put(user, new InetSocketAddress("127.0.0.1", endpoint.port()));
    }

    int port() {
        return endpoint.port();
    }

    /** A new client: files and tracing go through it. */
    void attach(ChatClient client) {
        detach();
        TransferSettings settings = TransferSettings.DEFAULT.withStrategy(group.p2p().strategy())
                .withWindow(group.p2p().window());
        transfers = new FileTransfers(client, endpoint, dir.resolve("downloads"), settings, this);
        tracing = new TracingClient(client, endpoint, InstantSource.system(), ZoneId.of(client.welcome().zone()),
                dir.resolve("contactlog.txt"), group.p2p().contactTtl(), this);
    }

    /**
     * Logged in on {@code client}: direct messages start, for a group that sends them (its key
     * published, held messages fetched); false if they could not.
     */
    synchronized void loggedIn(ChatClient client) {
        if (!group.mix().has(b -> b == chatlab.workload.Behaviour.DM)) {
            return;
        }
        stopDirect();
        P2pSpec p2p = group.p2p();
        DirectMessages.Settings settings = DirectMessages.Settings.DEFAULT.withRelays(p2p.relays()).withHold(p2p.hold());
        try {
            direct = DirectChat.start(client, user, endpoint, dir.resolve("direct"), this, settings,
                    new SplittableRandom(Seeds.derive(ctx.scenario.seed(), -5, ctx.accounts.chatIndex(user), ++directStarts)));
        } catch (IOException | ChatException e) {
            ctx.ops.event(Event.of(0, process, Type.EVENT, Op.DM_OFF, user)
                    .withFailure(new Event.Failure("direct_off", e.getMessage(), null, null)));
        }
    }

    /** Logged out or disconnected: this client neither receives nor relays direct messages until it logs in again. */
    synchronized void stopDirect() {
        if (direct != null) {
            direct.close();
            direct = null;
        }
    }

    /** The server says {@code other} came online: pass on what is held for them. */
    void userOnline(String other) {
        DirectChat current = direct;
        if (current != null) {
            current.userOnline(other);
        }
    }

    void detach() {
        stopDirect();
        if (transfers != null) {
            transfers.close();
            transfers = null;
        }
        if (tracing != null) {
            tracing.close();
            tracing = null;
        }
    }

    void close() {
        detach();
        ctx.peers.remove(user);
        endpoint.close();
    }

    private Event op(Op f) {
        return Event.of(0, process, Type.INVOKE, f, user);
    }

    void accept(ServerMessage.IncomingFile file) {
        if (transfers != null) {
            transfers.accept(file);
        }
    }

    /** Sends a beacon to {@code peer}, with a fresh tempID when there is none or it expired. */
    void beacon(String peer) {
        InetSocketAddress to = ctx.peers.get(peer);
        if (to == null) {
            return; // the peer runs in another simulator process: beacons stay within one
        }
        ServerMessage.TempId current = tracing.current();
        if (current == null || java.time.Instant.now().isAfter(tracing.times().parse(current.expiry()))) {
            Event invocation = ctx.ops.invoke(op(Op.TEMPID));
            var issued = ctx.ops.complete(invocation, call(tracing::downloadTempId), (e, id) -> e.withTrace(
                    new Event.Trace(id.tempId(), null, null, null, null)));
            if (!issued.ok()) {
                return;
            }
        }
        Event invocation = ctx.ops.invoke(op(Op.BEACON).withTarget(peer));
        ctx.ops.complete(invocation, call(() -> tracing.beacon(to)), (e, sent) -> e.withTrace(
                new Event.Trace(sent.tempId(), null, null, null, null)));
    }

    /** Uploads the contact log and records whom the server traced. */
    void upload() {
        List<String> entries = tracing.log().contacts().stream().map(c -> c.tempId()).toList();
        Event invocation = ctx.ops.invoke(op(Op.UPLOAD).withTrace(new Event.Trace(null, null, entries, null, null)));
        ctx.ops.complete(invocation, call(tracing::upload), (e, trace) -> e.withTrace(new Event.Trace(null, null, entries,
                trace.contacts().stream().map(c -> new Event.Traced(c.user(), c.tempId())).toList(),
                trace.unmatched().stream().map(u -> u.tempId()).toList())));
    }

    /** Sends {@code peer} a file of {@code bytes}, its content drawn from the seed. */
    void sendFile(String peer, long bytes) {
        long n = ctx.state(user).files.incrementAndGet();
        String name = "f" + n + ".bin";
        Path file = dir.resolve(name);
        String sha;
        try {
            byte[] data = new byte[(int) bytes];
            new SplittableRandom(Seeds.derive(ctx.scenario.seed(), -4, ctx.accounts.chatIndex(user), n)).nextBytes(data);
            Files.write(file, data);
            sha = TestFiles.sha256(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Event.FileInfo info = new Event.FileInfo(name, bytes, sha, null);
        Event invocation = ctx.ops.invoke(op(Op.FILE).withTarget(peer).withFile(info));
        try {
            FileTransfers.Sent sent = ChatClient.await(transfers.send(file, Audience.UNICAST, List.of(peer)));
            List<FileTransfers.Outcome> failed = sent.outcomes().stream().filter(o -> !o.ok()).toList();
            if (failed.isEmpty()) {
                ctx.ops.record(invocation.completed(ctx.ops.clock().micros(), Type.OK).withFile(
                        new Event.FileInfo(name, bytes, sha, List.of())));
            } else {
                TransferException error = failed.getFirst().error();
                ctx.ops.record(invocation.completed(ctx.ops.clock().micros(), Type.FAIL)
                        .withFile(new Event.FileInfo(name, bytes, sha, failed.stream().map(FileTransfers.Outcome::user).toList()))
                        .withFailure(new Event.Failure(code(error), error.getMessage(), null, null)));
            }
        } catch (ChatException e) {
            ctx.ops.failed(invocation, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // scratch space, removed at the end of the run
            }
        }
    }

    /** Sends {@code peer} a direct message, a token first, padded to the group's message size. */
    void directMessage(String peer, int messageSize) {
        DirectChat current = direct;
        if (current == null) {
            return; // its direct messages could not start: recorded at login
        }
        String tok = DirectChecker.token(user, ctx.state(user).dms.incrementAndGet());
        Event invocation = ctx.ops.invoke(op(Op.DM).withTarget(peer).withDirect(new Event.Direct(tok)));
        DirectMessages.Outcome outcome;
        try {
            outcome = ChatClient.await(current.send(peer, ChatSession.pad(tok, messageSize)));
        } catch (ChatException e) {
            ctx.ops.failed(invocation, e);
            return;
        } catch (RuntimeException e) {
            ctx.ops.failed(invocation, new ChatException(ErrorCode.INTERNAL, e.toString(), e));
            return;
        }
        long now = ctx.ops.clock().micros();
        switch (outcome) {
            case DirectMessages.Delivered d -> ctx.ops.record(invocation.completed(now, Type.OK).withDirect(
                    new Event.Direct(tok, DirectChecker.DELIVERED, null, d.messageId(), null)));
            case DirectMessages.Held h -> {
                heldTokens.put(h.messageId(), tok);
                ctx.directs.putIfAbsent(tok, Boolean.TRUE); // unless already shown
                long until = now + java.time.Duration.between(java.time.Instant.now(), h.until()).toNanos() / 1_000;
                ctx.ops.record(invocation.completed(now, Type.OK).withDirect(
                        new Event.Direct(tok, DirectChecker.HELD, h.relays().size(), h.messageId(), until)));
            }
            case DirectMessages.NotHeld n -> ctx.ops.record(invocation.completed(now, Type.FAIL)
                    .withDirect(new Event.Direct(tok, DirectChecker.NOT_HELD, 0, n.messageId(), null))
                    .withFailure(new Event.Failure("not_held", String.join("; ", n.reasons().entrySet().stream()
                            .map(r -> r.getKey() + ": " + r.getValue()).toList()), null, null)));
            case DirectMessages.ViaServer v -> throw new IllegalStateException("the simulator sends no direct message "
                    + "through the server");
        }
    }

    @Override
    public void onDirectMessage(String from, String text) {
        String tok = text.split(" ", 2)[0];
        ctx.directs.put(tok, Boolean.FALSE);
        ctx.ops.event(Event.of(0, process, Type.EVENT, Op.DM_DELIVER, user).withTarget(from)
                .withDirect(new Event.Direct(tok)));
    }

    @Override
    public void onDeliveredLater(String to, long messageId) {
        ctx.ops.event(Event.of(0, process, Type.EVENT, Op.DM_LATER, user).withTarget(to)
                .withDirect(new Event.Direct(heldTokens.getOrDefault(messageId, "?"), null, null, messageId, null)));
    }

    @Override
    public void onExpired(String to, long messageId) {
        String tok = heldTokens.getOrDefault(messageId, "?");
        ctx.directs.put(tok, Boolean.FALSE);
        ctx.ops.event(Event.of(0, process, Type.EVENT, Op.DM_EXPIRED, user).withTarget(to)
                .withDirect(new Event.Direct(tok, null, null, messageId, null)));
    }

    static String code(TransferException error) {
        return error.reason().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void received(String from, String fileName, Path file) {
        try {
            byte[] data = Files.readAllBytes(file);
            ctx.ops.event(Event.of(0, process, Type.EVENT, Op.FILE_RECEIVED, user).withTarget(from)
                    .withFile(new Event.FileInfo(fileName, data.length, TestFiles.sha256(data), null)));
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void receiveFailed(String from, String fileName, TransferException error) {
        ctx.ops.event(Event.of(0, process, Type.EVENT, Op.FILE_FAILED, user).withTarget(from)
                .withFile(new Event.FileInfo(fileName, 0, null, null))
                .withFailure(new Event.Failure(code(error), error.getMessage(), null, null)));
    }

    @Override
    public void heard(TracingClient.Heard heard) {
        Event event = Event.of(0, process, Type.EVENT, Op.HEARD, user);
        ctx.ops.event(heard.beacon() == null
                ? event.withFailure(new Event.Failure("not_a_beacon", heard.rejection(), null, null))
                : event.withTrace(new Event.Trace(heard.beacon().tempId(), heard.valid(), null, null, null)));
    }

    private static <T> CompletableFuture<T> call(java.util.function.Supplier<T> action) {
        try {
            return CompletableFuture.completedFuture(action.get());
        } catch (ChatException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ChatException(ErrorCode.INTERNAL, e.getMessage(), e));
        }
    }
}
