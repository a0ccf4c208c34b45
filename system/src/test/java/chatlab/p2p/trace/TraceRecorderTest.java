package chatlab.p2p.trace;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.p2p.arq.SeqSpace;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.impair.FateObserver;
import chatlab.p2p.wire.Datagram;
import chatlab.p2p.wire.DatagramCodec;
import chatlab.p2p.wire.TransferKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder reads each datagram's clear header, unwraps its numbers and stamps the sender's window. */
class TraceRecorderTest {
    private static final long TRANSFER = 99;
    /** Three numbers before the wrap, so segment 3 is wire number 0. */
    private static final long ISN = SeqSpace.MODULUS - 3;

    private final StringWriter text = new StringWriter();
    private final DatagramCodec sender = new DatagramCodec(TransferKeys.fresh());
    private final DatagramCodec receiver = new DatagramCodec(TransferKeys.fresh());

    private TraceRecorder recorder() throws IOException {
        return new TraceRecorder(TraceFileTest.header(), new TraceFile.Writer(text));
    }

    private Trace read() throws IOException {
        return TraceFile.read(new BufferedReader(new StringReader(text.toString())), "test");
    }

    private static Datagram data(long index) {
        return new Datagram.Data(TRANSFER, SeqSpace.wrap(ISN, index), new byte[10]);
    }

    @Test
    void datagramsAreKnownByTheirHeaderAndFatesJoinThemByPacketNumber() throws IOException {
        try (TraceRecorder trace = recorder()) {
            Datagram syn = new Datagram.Syn(TRANSFER, ISN, Strategy.SELECTIVE_REPEAT, 4, 10, 6, 60);
            trace.sent(Side.SENDER, sender.encode(syn, 0), syn, 1);
            trace.window(0, 5, 1_000_000);
            for (long i = 0; i < 5; i++) {
                byte[] bytes = sender.encode(data(i), 1 + i);
                trace.sent(Side.SENDER, bytes, data(i), 1);
                if (i == 3) {
                    trace.fate(bytes, FateObserver.Outcome.LOST);
                }
            }
            Datagram ack = new Datagram.Ack(TRANSFER, SeqSpace.wrap(ISN, 3), SeqSpace.wrap(ISN, 4));
            byte[] ackBytes = receiver.encode(ack, 7);
            trace.fate(ackBytes, FateObserver.Outcome.DUPLICATED);
            trace.received(Side.SENDER, ByteBuffer.wrap(ackBytes), ack);
            trace.window(3, 5, 1_000_000);
            trace.received(Side.RECEIVER, ByteBuffer.wrap(new byte[] {0x43, 0x4C, 1, 2}), null);
        }
        Trace trace = read();
        List<TraceEvent> sends = trace.events().stream().filter(e -> e.sends(Side.SENDER, "DATA")).toList();
        assertThat(sends).extracting(TraceEvent::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(sends).extracting(TraceEvent::pn).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(sends).allSatisfy(e -> {
            assertThat(e.base()).isZero();
            assertThat(e.next()).isEqualTo(5);
            assertThat(e.tx()).isEqualTo(1);
            assertThat(e.size()).isEqualTo(10 + DatagramCodec.OVERHEAD);
        });
        TraceEvent lost = trace.events().stream().filter(e -> e.ev() == TraceEvent.Type.LOST).findFirst().orElseThrow();
        assertThat(lost.side()).isEqualTo(Side.SENDER);
        assertThat(lost.pn()).isEqualTo(4);
        assertThat(lost.seq()).isEqualTo(3);
        TraceEvent dup = trace.events().stream().filter(e -> e.ev() == TraceEvent.Type.DUP).findFirst().orElseThrow();
        assertThat(dup.side()).isEqualTo(Side.RECEIVER);
        assertThat(dup.kind()).isEqualTo("ACK");
        assertThat(dup.ack()).isEqualTo(3);
        TraceEvent ackIn = trace.events().stream().filter(e -> e.ev() == TraceEvent.Type.RECV).findFirst().orElseThrow();
        assertThat(ackIn.ack()).isEqualTo(3);
        assertThat(ackIn.sack()).isEqualTo(4);
        TraceEvent moved = trace.events().stream().filter(e -> e.ev() == TraceEvent.Type.WINDOW).findFirst().orElseThrow();
        assertThat(moved.base()).isEqualTo(3);
        TraceEvent bad = trace.events().getLast();
        assertThat(bad.ev()).isEqualTo(TraceEvent.Type.BAD);
        assertThat(bad.seq()).isNull();
        assertThat(trace.events()).extracting(TraceEvent::t).isSorted();
        assertThat(trace.events().getFirst().t()).isZero();
        assertThat(trace.header().strategy()).isEqualTo("gbn"); // the header's own, not the SYN's
    }

    @Test
    void timersAreOnTheTracesTimeLineAndNothingIsWrittenAfterTheClose() throws IOException {
        TraceRecorder trace = recorder();
        Datagram syn = new Datagram.Syn(TRANSFER, ISN, Strategy.GO_BACK_N, 4, 10, 6, 60);
        long before = System.nanoTime();
        trace.sent(Side.SENDER, sender.encode(syn, 0), syn, 1);
        trace.timerSet(before, -1, before + 200_000_000, 1, 200_000_000);
        trace.timeout(before, -1, 1, 200_000_000);
        trace.backoff(before, 400_000_000);
        trace.timerSet(before, 2, before + 400_000_000, 3, 400_000_000);
        trace.close();
        trace.timerStopped(System.nanoTime());
        List<TraceEvent> events = read().events();
        assertThat(events).extracting(TraceEvent::ev).containsExactly(TraceEvent.Type.SEND, TraceEvent.Type.TIMER,
                TraceEvent.Type.TIMEOUT, TraceEvent.Type.BACKOFF, TraceEvent.Type.TIMER);
        TraceEvent first = events.get(1);
        assertThat(first.seq()).as("the handshake's timer guards no segment").isNull();
        assertThat(first.rto()).isEqualTo(200_000_000);
        assertThat(first.deadline()).isBetween(200_000_000L - (System.nanoTime() - before), 200_000_000L);
        assertThat(events.get(2).rto()).as("the length of the timer that expired").isEqualTo(200_000_000);
        assertThat(events.get(3).rto()).isEqualTo(400_000_000);
        assertThat(events.get(4).count()).isEqualTo(3);
        assertThat(events.get(4).seq()).isEqualTo(2);
        assertThat(events.get(4).rto()).as("the RTO after the backoff").isEqualTo(400_000_000);
    }
}
