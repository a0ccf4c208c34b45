package chatlab.client;

import chatlab.p2p.impair.Impairment;
import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.TraceHeader;
import chatlab.p2p.trace.TraceRecorder;
import chatlab.p2p.trace.TransferTrace;
import chatlab.p2p.transfer.TransferSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a client writes a trace of each file transfer it sends or receives (docs/TRACES.md):
 * the file it was given, with {@code -N-sent-PEER} or {@code -N-received-PEER} before its
 * extension, N counting the client's transfers from 1. {@code traces/t.jsonl} becomes
 * {@code traces/t-1-sent-bob.jsonl}, {@code traces/t-2-received-alice.jsonl} and so on. A trace
 * that cannot be written is reported in the log, and the transfer goes on without it.
 */
public final class TransferTraces {
    private static final Logger LOG = LoggerFactory.getLogger(TransferTraces.class);

    private final Path template;
    private final Impairment impairment;
    private final long impairSeed;
    private final AtomicInteger count = new AtomicInteger();

    /** Traces named after {@code template}; {@code impairment} is what this client's impairer does to what it sends. */
    public TransferTraces(Path template, Impairment impairment, long impairSeed) {
        this.template = template;
        this.impairment = impairment;
        this.impairSeed = impairSeed;
    }

    /** The file of the {@code n}-th transfer, with {@code peer} at the other end. */
    public Path file(int n, Side side, String peer) {
        String name = template.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String tag = "-" + n + (side == Side.SENDER ? "-sent-" : "-received-") + peer.replaceAll("[^A-Za-z0-9._-]", "_");
        return template.resolveSibling(stem + tag + extension);
    }

    /** What the files are called, for telling the user. */
    public String pattern() {
        return file(0, Side.SENDER, "PEER").toString().replace("-0-sent-PEER", "-<n>-<sent|received>-<peer>");
    }

    /** A trace of a file this client sends to {@code peer}. */
    public TransferTrace sending(String peer, String fileName, long bytes, long transferId, TransferSettings settings) {
        TraceHeader header = TraceHeader.of("client", "sender", fileName + " to " + peer)
                .withTransfer(transferId, peer, fileName, bytes)
                .withArq(settings.strategy().code(), settings.strategy().window(settings.window()), settings.chunkSize(),
                        settings.segments(bytes))
                .withLinks(TraceHeader.Link.of(impairment), null, impairment.isNone() ? null : impairSeed);
        return open(Side.SENDER, peer, header);
    }

    /** A trace of a file this client receives from {@code peer}; the SYN tells it the strategy and window. */
    public TransferTrace receiving(String peer, String fileName, long bytes, long transferId) {
        TraceHeader header = TraceHeader.of("client", "receiver", fileName + " from " + peer)
                .withTransfer(transferId, peer, fileName, bytes)
                .withLinks(null, TraceHeader.Link.of(impairment), impairment.isNone() ? null : impairSeed);
        return open(Side.RECEIVER, peer, header);
    }

    private TransferTrace open(Side side, String peer, TraceHeader header) {
        Path file = file(count.incrementAndGet(), side, peer);
        try {
            return TraceRecorder.open(file, header);
        } catch (IOException e) {
            LOG.warn("cannot write the transfer trace {}: {}", file, e.getMessage());
            return TransferTrace.OFF;
        }
    }
}
