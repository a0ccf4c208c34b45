package chatlab.cmd;

import chatlab.run.SimRun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ./lab simulate} refuses carrier settings it cannot use with exit code 2, before anything starts. */
class SimulateMainTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--carriers 0                                     | --carriers takes a number of threads from 1 to 256, not 0",
            "--server-carriers 300                            | --server-carriers takes a number of threads from 1 to 256, not 300",
            "--server-carriers 1 --target tcp://127.0.0.1:9 | --server-carriers sets the chatlab server the lab starts; it does not go with --target",
            "--server-carriers 1 --server mosquitto         | --server-carriers sets the chatlab server the lab starts; it does not go with --server mosquitto",
    })
    void refusesCarriersItCannotUse(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new SimulateMain());
        line.setErr(new PrintWriter(err, true));
        Path out = dir.resolve("run");
        String[] given = ("scenarios/chat-core.yaml --out " + out + " " + args).split(" +");
        assertThat(line.execute(given)).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + message);
        assertThat(Files.exists(out.resolve(SimRun.FILE))).as("nothing ran").isFalse();
    }
}
