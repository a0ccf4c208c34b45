package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.cmd.GbnMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ./lab gbn --replicate}: what it refuses, with exit code 2 and the reason, before it runs anything. */
class ReplicateTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--replicate csc999|--replicate knows one experiment, csc573, not 'csc999'",
        "--replicate csc573 --windows 4,8|--windows belongs to the sweep, not to --replicate csc573",
        "--replicate csc573 --quick|--quick belongs to the sweep",
        "--replicate csc573 --delays 1ms,10ms|--delays takes one value with --replicate csc573, not '1ms,10ms'",
        "--replicate csc573 --rate fast|--rate: invalid impairment rate=fast",
        "--replicate csc573 --repeats 1|a replay needs at least 2 repeats"})
    void badArgumentsExitTwoWithTheirReason(String args, String reason) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new GbnMain());
        line.setErr(new PrintWriter(err));
        assertThat(line.execute(args.split(" "))).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: ").contains(reason);
    }
}
