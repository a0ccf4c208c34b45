package chatlab.p2p.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.p2p.impair.Impairment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace's JSON Lines schema: what is written reads back the same, and the field names are the documented ones. */
class TraceFileTest {
    @TempDir
    Path dir;

    static TraceHeader header() {
        return TraceHeader.of("lab gbn", "both", "gbn N=8 p=0.05 d=10ms").withTransfer(42L, null, "sweep.bin", 65_536L)
                .withArq("gbn", 8, 1024, 64L)
                .withLinks(TraceHeader.Link.of(Impairment.parse("loss=0.05,delay=10ms,rate=8mbit")),
                        TraceHeader.Link.of(Impairment.parse("delay=10ms")), 7L);
    }

    /** One event of every type, with every field some event uses. */
    static List<TraceEvent> everyKindOfEvent() {
        return List.of(
                new TraceEvent(0, TraceEvent.Type.SEND, Side.SENDER, "SYN", 0L, null, null, null, 71, 1, null, null, 200_000_000L,
                        null, null, "gbn", 8, 1024, 64L),
                new TraceEvent(10, TraceEvent.Type.TIMER, Side.SENDER, null, null, null, null, null, null, null, null,
                        200_000_010L, 200_000_000L, null, null, null, null, null, null),
                new TraceEvent(20_000_000, TraceEvent.Type.RECV, Side.RECEIVER, "SYN", 0L, null, null, null, 71, null, null, null,
                        null, null, null, "gbn", 8, 1024, 64L),
                new TraceEvent(20_000_100, TraceEvent.Type.SEND, Side.SENDER, "DATA", 1L, 0L, null, null, 1070, 1, null, null,
                        40_000_000L, 0L, 1L, null, null, null, null),
                new TraceEvent(20_000_200, TraceEvent.Type.LOST, Side.SENDER, "DATA", 1L, 0L, null, null, 1070, null, null, null,
                        40_000_000L, 0L, 1L, null, null, null, null),
                new TraceEvent(20_000_300, TraceEvent.Type.QUEUE_DROP, Side.SENDER, "DATA", 2L, 1L, null, null, 1070, null, null,
                        null, null, 0L, 2L, null, null, null, null),
                new TraceEvent(20_000_400, TraceEvent.Type.DUP, Side.RECEIVER, "ACK", 3L, null, 2L, 4L, 51, null, null, null,
                        null, null, null, null, null, null, null),
                new TraceEvent(20_000_500, TraceEvent.Type.CORRUPT, Side.SENDER, "FIN", 9L, 64L, null, null, 46, null, null,
                        null, null, null, null, null, null, null, null),
                new TraceEvent(30_000_000, TraceEvent.Type.BAD, Side.RECEIVER, "FIN", 9L, null, null, null, 46, null, null, null,
                        null, null, null, null, null, null, null),
                new TraceEvent(30_000_100, TraceEvent.Type.DISCARD, Side.RECEIVER, null, null, 5L, null, null, null, null, null,
                        null, null, null, null, null, null, null, null),
                new TraceEvent(60_000_000, TraceEvent.Type.TIMEOUT, Side.SENDER, null, null, 0L, null, null, null, null, 8, null,
                        40_000_000L, 0L, 8L, null, null, null, null),
                new TraceEvent(60_000_001, TraceEvent.Type.BACKOFF, Side.SENDER, null, null, null, null, null, null, null, null,
                        null, 80_000_000L, 0L, 8L, null, null, null, null),
                new TraceEvent(90_000_000, TraceEvent.Type.WINDOW, Side.SENDER, null, null, null, null, null, null, null, null,
                        null, 45_000_000L, 3L, 8L, null, null, null, null),
                new TraceEvent(99_000_000, TraceEvent.Type.TIMER_STOP, Side.SENDER, null, null, null, null, null, null, null,
                        null, null, 45_000_000L, 8L, 8L, null, null, null, null));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        Trace trace = new Trace(header(), everyKindOfEvent());
        Path file = dir.resolve("t.jsonl");
        TraceFile.write(file, trace);
        assertThat(TraceFile.read(file)).isEqualTo(trace);
        assertThat(Files.readAllLines(file)).hasSize(1 + trace.events().size());
        assertThat(trace.events()).extracting(TraceEvent::ev).containsAll(List.of(TraceEvent.Type.values()));
    }

    @Test
    void theLinesUseTheDocumentedNamesAndLeaveOutWhatDoesNotApply() throws IOException {
        Path file = dir.resolve("t.jsonl");
        TraceFile.write(file, new Trace(header(), everyKindOfEvent()));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("{\"format\":\"chatlab-transfer-trace\",\"version\":1,\"source\":\"lab gbn\"")
                .contains("\"link\":{\"spec\":\"loss=0.05,delay=10ms,rate=8000000bit,queue=1048576b\",\"rateBps\":8000000,"
                        + "\"delayNs\":10000000,\"loss\":0.05,\"queueBytes\":1048576}", "\"seed\":7");
        assertThat(lines.get(4)).isEqualTo("{\"t\":20000100,\"ev\":\"send\",\"side\":\"sender\",\"kind\":\"DATA\",\"pn\":1,"
                + "\"seq\":0,\"size\":1070,\"tx\":1,\"rto\":40000000,\"base\":0,\"next\":1}");
        assertThat(lines.get(7)).contains("\"ev\":\"dup\"", "\"ack\":2", "\"sack\":4");
    }

    @Test
    void aReceiversHeaderLearnsTheStrategyFromTheSyn() throws IOException {
        TraceHeader receiving = TraceHeader.of("client", "receiver", "notes.txt from alice");
        Path file = dir.resolve("r.jsonl");
        TraceFile.write(file, new Trace(receiving, everyKindOfEvent()));
        TraceHeader read = TraceFile.read(file).header();
        assertThat(read.strategy()).isEqualTo("gbn");
        assertThat(read.window()).isEqualTo(8);
        assertThat(read.segments()).isEqualTo(64);
    }

    @Test
    void aBrokenFileIsRefusedWithItsLine() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertThatThrownBy(() -> TraceFile.read(empty)).hasMessageContaining("is empty");
        Path other = Files.writeString(dir.resolve("other.jsonl"), "{\"format\":\"something-else\",\"version\":1}\n");
        assertThatThrownBy(() -> TraceFile.read(other)).hasMessageContaining("line 1").hasMessageContaining("something-else");
        Path file = dir.resolve("t.jsonl");
        TraceFile.write(file, new Trace(header(), everyKindOfEvent().subList(0, 2)));
        Files.writeString(file, "{\"t\":\"soon\"}\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> TraceFile.read(file)).hasMessageContaining("line 4");
        assertThatThrownBy(() -> TraceFile.read(dir.resolve("missing.jsonl"))).hasMessageContaining("no such trace file");
    }
}
