package chatlab.gbn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.p2p.trace.TraceFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./lab gbn timeline}: draws a trace file, and refuses what it cannot draw with exit code 2. */
class TimelineCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = chatlab.cli.Commands.line(new TimelineCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void drawsATraceBesideItOrWhereAsked() throws Exception {
        Path trace = dir.resolve("lossy.jsonl");
        TraceFile.write(trace, Traces.lossy(1));
        assertThat(run(trace.toString())).isZero();
        assertThat(dir.resolve("lossy.svg")).isNotEmptyFile();
        assertThat(dir.resolve("lossy.html")).isNotEmptyFile();
        assertThat(out.toString()).contains("Player: ");
        assertThat(run(trace.toString(), "--out", dir.resolve("elsewhere").toString(), "--from", "60ms", "--title", "Late"))
                .isZero();
        assertThat(Files.readString(dir.resolve("elsewhere/lossy.svg"))).contains(">Late</title>", ">DATA 2 #2</text>")
                .doesNotContain(">DATA 0</text>");
    }

    @Test
    void refusesWhatItCannotDrawWithItsReason() throws Exception {
        assertThat(run(dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error: no such trace file");
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "not json\n");
        assertThat(run(bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1: not a trace header");
        Path trace = dir.resolve("t.jsonl");
        TraceFile.write(trace, Traces.lossy(1));
        assertThat(run(trace.toString(), "--from", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("error: expected a duration");
        assertThat(run(trace.toString(), "--from", "500ms")).isEqualTo(2);
        assertThat(err.toString()).contains("no events between");
        assertThat(run(trace.toString(), "--datagrams", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("at least 1 datagram");
    }
}
