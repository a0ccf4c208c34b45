package chatlab.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ./lab relays} refuses a grid it cannot run with exit code 2 and says why, before any run. */
class RelaysMainTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--relays 0,17     | --relays takes 0 to 16, not 17",
            "--loss 0,1        | --loss takes shares from 0 up to 1 (not included), not 1.0",
            "--away 2s,soon    | expected a duration such as 20ms, 500us, 1s, 5m, 1h or 1d, not 'soon'",
    })
    void refusesAGridItCannotRun(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new RelaysMain());
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args.split(" +"))).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--quick                                   | 2",
            "--relays 0,2 --away 3s --loss 0           | 2",
            "--relays 0,1,3 --away 3s,10s --loss 0,0.2 | 12",
    })
    void everyCombinationIsAPoint(String args, int points) {
        RelaysMain main = new RelaysMain();
        new CommandLine(main).parseArgs(args.split(" +"));
        assertThat(main.grid()).hasSize(points).doesNotHaveDuplicates();
    }
}
