package chatlab.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ./lab client} refuses arguments it cannot mean with exit code 2 and says why, before it connects. */
class ClientMainTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--profile irc                     | unknown profile 'irc': use one of chatlab, toom, bluetrace, cs425, csc573, compsys302",
            "127.0.0.1 4242 lokipass           | the UDP port must be a number, not 'lokipass' (for CSC573's SERVER_IP SERVER_PORT ROOM_PASSWORD, add --profile csc573)",
            "--profile csc573 127.0.0.1 4242 a --room-password b | the room password is given twice, as a and as b",
            "--trace .                         | --trace takes a file name such as traces/t.jsonl, not the folder .",
            "--relays 17                       | --relays is 0 to 16, not 17",
            "--fallback maybe                  | --fallback is server or none, not 'maybe'",
            "--relay-hold 0s                   | --relay-hold must be positive, not 0s",
            "--relay-hold soon                 | --relay-hold: expected a duration such as 20ms, 500us, 1s, 5m, 1h or 1d, not 'soon'",
    })
    void refusesWhatItCannotMean(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine line = chatlab.cli.Commands.line(new ClientMain());
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args.split(" "))).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + message);
    }
}
