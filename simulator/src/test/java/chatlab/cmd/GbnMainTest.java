package chatlab.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.gbn.SweepConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class GbnMainTest {
    private static SweepConfig config(String... args) {
        GbnMain main = new GbnMain();
        new CommandLine(main).parseArgs(args);
        return main.config();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "", " NONE "})
    void noneOrNothingSkipsTheCleanRuns(String value) {
        assertThat(config("--clean-windows", value).cleanWindows()).isEmpty();
    }

    @Test
    void cleanWindowsAreReadAsAList() {
        assertThat(config("--clean-windows", "16, 64").cleanWindows()).containsExactly(16, 64);
        assertThat(config().cleanWindows()).containsExactly(16, 64, 256, 1024);
    }

    @Test
    void aWordThatIsNoWindowExitsTwoWithItsReason() {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new GbnMain());
        line.setErr(new PrintWriter(err));
        assertThat(line.execute("--clean-windows", "16,big")).isEqualTo(2);
        assertThat(err.toString()).contains("--clean-windows takes window sizes such as 16,64 or none, not 'big'");
    }
}
