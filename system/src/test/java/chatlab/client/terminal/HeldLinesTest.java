package chatlab.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldLinesTest {
    @Test
    void linesPushedDuringTheLoginDialogComeAfterItsLastLineInTheirOrder() {
        List<String> out = new ArrayList<>();
        HeldLines pushed = new HeldLines(out::add);
        pushed.print("[private] alice: are you there?");
        out.add("You have 1 message from while you were away:");
        pushed.print("[private] alice: still there?");
        assertThat(out).containsExactly("You have 1 message from while you were away:");

        pushed.release();
        pushed.print("[private] alice: hello");
        pushed.release();

        assertThat(out).containsExactly("You have 1 message from while you were away:",
                "[private] alice: are you there?", "[private] alice: still there?", "[private] alice: hello");
    }
}
