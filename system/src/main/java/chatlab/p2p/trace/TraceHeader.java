package chatlab.p2p.trace;

import chatlab.p2p.impair.Impairment;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The first line of a transfer trace: what was traced, and on what link (docs/TRACES.md).
 *
 * @param format     always {@value #FORMAT}
 * @param version    the schema's version, {@value #VERSION}
 * @param source     what recorded it: {@code lab gbn} or {@code client}
 * @param sides      which sides' events it holds: {@code both}, {@code sender} or {@code receiver}
 * @param label      a short description, for titles
 * @param transferId the transfer id, when known
 * @param peer       the other side's user, for a client's trace
 * @param fileName   the file sent
 * @param fileBytes  its size
 * @param strategy   gbn, sr or saw; a receiver's trace learns it from the SYN, so it may be absent here
 * @param window     the window; absent like the strategy
 * @param chunk      file bytes per datagram; absent like the strategy
 * @param segments   the number of DATA segments; absent like the strategy
 * @param link       what the impairer does to the sender's datagrams (absent: not impaired, or not known)
 * @param ackLink    what the impairer does to the receiver's datagrams
 * @param seed       the seed of the sender's impairer, which deals the same fates again
 * @param started    when the trace was opened, as an ISO-8601 instant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "version", "source", "sides", "label", "transferId", "peer", "fileName", "fileBytes",
        "strategy", "window", "chunk", "segments", "link", "ackLink", "seed", "started"})
public record TraceHeader(String format, int version, String source, String sides, String label, Long transferId,
        String peer, String fileName, Long fileBytes, String strategy, Integer window, Integer chunk, Long segments,
        Link link, Link ackLink, Long seed, String started) {

    public static final String FORMAT = "chatlab-transfer-trace";
    public static final int VERSION = 1;

    public TraceHeader {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a chatlab transfer trace (its first line's format is " + format + ")");
        }
        if (version != VERSION) {
            throw new IllegalArgumentException("trace version " + version + " is not " + VERSION);
        }
    }

    /**
     * One direction of an impaired link.
     *
     * @param spec       the impairment in the form of {@code --impair} ({@code loss=0.05,delay=10ms,...})
     * @param rateBps    the rate in bit/s, 0 unlimited
     * @param delayNs    the one-way delay
     * @param loss       the loss rate (Bernoulli; a burst model is in {@code spec})
     * @param queueBytes the queue in front of a rate-limited link
     */
    @JsonPropertyOrder({"spec", "rateBps", "delayNs", "loss", "queueBytes"})
    public record Link(String spec, long rateBps, long delayNs, double loss, long queueBytes) {
        /** The link an impairment makes; null for none. */
        public static Link of(Impairment impairment) {
            return impairment == null || impairment.isNone() ? null : new Link(impairment.toString(),
                    impairment.rateBitsPerSecond(), impairment.delay().toNanos(), impairment.loss(), impairment.queueBytes());
        }
    }

    /** A header for a new trace; {@link #started} is now. */
    public static TraceHeader of(String source, String sides, String label) {
        return new TraceHeader(FORMAT, VERSION, source, sides, label, null, null, null, null, null, null, null, null,
                null, null, null, java.time.Instant.now().toString());
    }

    public TraceHeader withTransfer(Long id, String peerName, String file, Long bytes) {
        return new TraceHeader(format, version, source, sides, label, id, peerName, file, bytes, strategy, window, chunk,
                segments, link, ackLink, seed, started);
    }

    public TraceHeader withArq(String strategyCode, Integer windowSize, Integer chunkBytes, Long segmentCount) {
        return new TraceHeader(format, version, source, sides, label, transferId, peer, fileName, fileBytes, strategyCode,
                windowSize, chunkBytes, segmentCount, link, ackLink, seed, started);
    }

    public TraceHeader withLinks(Link data, Link acks, Long impairSeed) {
        return new TraceHeader(format, version, source, sides, label, transferId, peer, fileName, fileBytes, strategy,
                window, chunk, segments, data, acks, impairSeed, started);
    }
}
