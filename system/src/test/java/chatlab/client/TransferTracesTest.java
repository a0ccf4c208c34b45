package chatlab.client;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.p2p.impair.Impairment;
import chatlab.p2p.trace.Side;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The names of a client's trace files. */
class TransferTracesTest {
    @Test
    void eachTransferGetsTheFileWithItsNumberDirectionAndPeerBeforeTheExtension() {
        TransferTraces traces = new TransferTraces(Path.of("traces/t.jsonl"), Impairment.NONE, 1);
        assertThat(traces.file(1, Side.SENDER, "bob")).isEqualTo(Path.of("traces/t-1-sent-bob.jsonl"));
        assertThat(traces.file(2, Side.RECEIVER, "alice")).isEqualTo(Path.of("traces/t-2-received-alice.jsonl"));
        assertThat(traces.pattern()).isEqualTo("traces/t-<n>-<sent|received>-<peer>.jsonl");
    }

    @Test
    void aNameWithoutExtensionGetsTheSuffixAtItsEndAndAPeerCannotLeaveTheFolder() {
        TransferTraces traces = new TransferTraces(Path.of("trace"), Impairment.NONE, 1);
        assertThat(traces.file(3, Side.SENDER, "../x")).isEqualTo(Path.of("trace-3-sent-.._x"));
    }
}
