package chatlab.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpTest {
    @TempDir
    Path dir;

    @Test
    void everyOperationIsWrittenByItsNameAndReadBack() throws Exception {
        Path file = dir.resolve("history.jsonl.gz");
        try (HistoryWriter history = HistoryWriter.open(file)) {
            for (Op op : Op.values()) {
                history.append(Event.of(5, "p", op.request() ? Type.INVOKE : Type.EVENT, op, "u"));
            }
        }
        String text = new String(new GZIPInputStream(Files.newInputStream(file)).readAllBytes(), StandardCharsets.UTF_8);
        for (Op op : Op.values()) {
            assertThat(text).contains("\"f\":\"" + op.wire() + "\"");
        }
        assertThat(HistoryReader.readAll(file)).extracting(Event::f).containsExactly(Op.values());
        assertThat(Arrays.stream(Op.values()).map(Op::wire).distinct()).hasSize(Op.values().length);
    }

    @Test
    void aNameNoOperationHasIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("bad.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"i\":0,\"t\":0,\"p\":\"p\",\"type\":\"event\",\"f\":\"sned\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> HistoryReader.readAll(file)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("line 1 is not an event")
                .hasMessageContaining("unknown operation 'sned' in the history; known: "
                        + String.join(", ", Arrays.stream(Op.values()).map(Op::wire).toList()));
    }

    @Test
    void latenciesAreNamedAsThresholdsNameThem() {
        assertThat(Op.POST.metric()).isEqualTo("board");
        assertThat(Op.DELIVER.metric()).isNull();
        assertThat(Arrays.stream(Op.values()).map(Op::metric).filter(m -> m != null))
                .allMatch(chatlab.metrics.Measurements.METRICS::contains);
    }
}
