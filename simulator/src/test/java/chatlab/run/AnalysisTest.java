package chatlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.CheckContext;
import chatlab.checker.Checker;
import chatlab.checker.Validity;
import chatlab.checker.Verdict;
import chatlab.history.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    @Test
    void aCheckerThatThrowsCannotDecideAndSaysWhy() {
        Checker broken = new Checker() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Verdict check(List<Event> history, CheckContext context) {
                throw new IllegalStateException("no such token");
            }
        };
        Verdict v = Analysis.check(broken, List.of(), new CheckContext(List.of(), 3, Duration.ofSeconds(1)));
        assertThat(v.checker()).isEqualTo("broken");
        assertThat(v.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(v.summary()).contains("could not decide", "no such token");
        assertThat(v.evidence().getFirst()).contains("IllegalStateException", "no such token");
        assertThat(v.evidence()).anyMatch(line -> line.startsWith("at chatlab.run.AnalysisTest"));
    }
}
