package chatlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.cli.Commands;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class WebMainTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--server nohost                       | expected IP:PORT with a port from 1 to 65535, not 'nohost'",
            "--server 127.0.0.1:70000              | expected IP:PORT with a port from 1 to 65535",
            "--port 70000                          | ports are numbers from 0 to 65535",
            "--udp-port -1                         | ports are numbers from 0 to 65535",
            "--rate 0                              | --rate must be more than 0",
            "--idle-after soon                     | a duration such as 20ms",
            "--plaintext --trust SHA256:ab         | choose one of --plaintext, --trust, --ca and --known-servers",
            "--ca /no/such/ca.pem                  | --ca: no file /no/such/ca.pem",
            "--port eighty                         | Invalid value for option '--port'",
            "--relays 17                           | --relays is 0 to 16, not 17",
            "--fallback maybe                      | --fallback is server or none, not 'maybe'",
            "--relay-hold 0s                       | --relay-hold must be positive, not 0s",
    })
    void invalidArgumentsExit2WithTheirReason(String args, String reason) {
        StringWriter err = new StringWriter();
        CommandLine line = Commands.line(new WebMain());
        line.setErr(new PrintWriter(err, true));
        assertThat(line.execute(args.strip().split("\\s+"))).isEqualTo(2);
        assertThat(err.toString()).contains(reason);
    }

    @org.junit.jupiter.api.Test
    void helpNamesEveryOption() {
        StringWriter out = new StringWriter();
        CommandLine line = Commands.line(new WebMain());
        line.setOut(new PrintWriter(out, true));
        assertThat(line.execute("--help")).isZero();
        assertThat(out.toString()).contains("--port", "--bind", "--server", "--udp-port", "--downloads", "--plaintext",
                "--trust", "--ca", "--known-servers", "--room-password", "--rate", "--idle-after", "--relays", "--fallback",
                "--relay-hold", "--no-relaying", "./lab web --port 8080 --server 127.0.0.1:4242");
    }
}
