package chatlab.p2p.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.p2p.arq.SenderStats;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.impair.ImpairerStats;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.Trace;
import chatlab.p2p.trace.TraceEvent;
import chatlab.p2p.trace.TraceEvent.Type;
import chatlab.p2p.trace.TraceFile;
import chatlab.p2p.trace.TraceHeader;
import chatlab.p2p.trace.TraceRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A traced transfer over real UDP on loopback, through the seeded impairer with loss both ways:
 * the trace holds every drop the impairers counted and every retransmission and timeout the
 * sender counted, and each drop joins the send it happened to.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TracedTransferIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"GO_BACK_N", "SELECTIVE_REPEAT"})
    void theTraceAgreesWithTheSendersAndTheImpairersCounts(Strategy strategy) throws Exception {
        byte[] data = TransferHarness.randomBytes(64 * 1024, 3);
        TransferSettings settings = TransferSettings.DEFAULT.withStrategy(strategy).withWindow(8)
                .withIdleTimeout(Duration.ofSeconds(10));
        Path file = dir.resolve(strategy.code() + ".jsonl");
        TransferReport report;
        ImpairerStats senderLink;
        try (TransferHarness link = new TransferHarness(Impairment.parse("loss=0.1,delay=2ms"), 11);
                TraceRecorder recorder = TraceRecorder.open(file, TraceHeader.of("test", "both", strategy.code()))) {
            TransferHarness.Pair pair = link.prepare(data, TransferHarness.sha256(data), dir, settings, 5, 17, recorder);
            report = pair.sender().run();
            pair.received().get(30, TimeUnit.SECONDS);
            senderLink = link.sender.impairerStats();
        }
        Trace trace = TraceFile.read(file);
        SenderStats stats = report.stats();

        assertThat(senderLink.lost()).as("the seed loses some of the sender's datagrams").isPositive();
        assertThat(trace.count(Type.SEND, Side.SENDER, null)).as("every datagram the impairer was offered")
                .isEqualTo(senderLink.offered());
        assertThat(trace.count(Type.LOST, Side.SENDER, null)).isEqualTo(senderLink.lost());
        assertThat(trace.count(Type.QUEUE_DROP, Side.SENDER, null)).isEqualTo(senderLink.queueDrops());
        assertThat(trace.count(Type.SEND, Side.SENDER, "DATA")).isEqualTo(stats.transmissions());
        assertThat(trace.count(e -> e.sends(Side.SENDER, "DATA") && e.retransmission()))
                .isEqualTo(stats.retransmissions()).isPositive();
        assertThat(trace.count(e -> e.ev() == Type.TIMEOUT && e.seq() != null)).as("timeouts of the data phase")
                .isEqualTo(stats.timeouts());
        assertThat(trace.count(Type.SEND, Side.RECEIVER, "ACK")).isPositive();

        Map<Long, TraceEvent> sent = trace.events().stream().filter(e -> e.ev() == Type.SEND && e.side() == Side.SENDER)
                .collect(Collectors.toMap(TraceEvent::pn, Function.identity()));
        assertThat(trace.events().stream().filter(e -> e.ev().drop() && e.side() == Side.SENDER)).allSatisfy(drop -> {
            TraceEvent send = sent.get(drop.pn());
            assertThat(send).as("the send of packet " + drop.pn()).isNotNull();
            assertThat(drop.kind()).isEqualTo(send.kind());
            assertThat(drop.seq()).isEqualTo(send.seq());
            assertThat(drop.t()).isGreaterThanOrEqualTo(send.t());
        });
        long dataLost = trace.count(e -> e.ev().drop() && e.side() == Side.SENDER && "DATA".equals(e.kind()));
        assertThat(trace.count(Type.RECV, Side.RECEIVER, "DATA")).as("every DATA datagram not lost arrived")
                .isEqualTo(stats.transmissions() - dataLost);
        assertThat(trace.events()).extracting(TraceEvent::t).isSorted();
        assertThat(trace.events().stream().filter(e -> e.side() == Side.SENDER && e.ev() == Type.SEND
                && "DATA".equals(e.kind()))).allSatisfy(e -> {
                    assertThat(e.base()).isLessThanOrEqualTo(e.seq());
                    assertThat(e.next()).isGreaterThan(e.seq()).isLessThanOrEqualTo(e.base() + 8);
                });
        assertThat(trace.header().strategy()).as("learnt from the SYN").isEqualTo(strategy.code());
    }
}
