package chatlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.lab.Json;
import chatlab.metrics.Results;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The drain waits for what is owed, not for a quiet spell: a group behind a 4 KB/s link still
 * owes kilobytes of broadcasts when the load stops, the scenario's own drain is 1 s, and the
 * drain stretches its bound to what the link needs, so every delivery is checked.
 */
class DrainIT {
    private static final String SCENARIO = """
            name: slow-drain
            description: a backlog behind a slow link
            seed: 4
            duration: 3s
            drain: 1s
            requestTimeout: 5s
            server: {argon2: "m=256,t=1,p=1", rateLimit: 0}
            groups:
              - name: loud
                users: 2
                think: {constant: 150ms}
                messageSize: 500
                mix: {broadcast: 1}
              - name: slow
                users: 2
                think: {constant: 10s}
                network:
                  toxics:
                    - {type: bandwidth, kilobytesPerSecond: 4, direction: downstream}
                mix: {read: 1}
            thresholds:
              - errors.unexpected == 0
            """;

    @TempDir
    Path dir;

    @Test
    void theDrainWaitsAsLongAsTheSlowestLinkNeedsForWhatIsOwed() throws Exception {
        NeedsToxiproxy.assume();
        Path scenario = Files.writeString(dir.resolve("slow.yaml"), SCENARIO);
        Path out = dir.resolve("run");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int exit;
        try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(new PrintStream(new TeeStream(before, capture), true, StandardCharsets.UTF_8));
            exit = new CommandLine(new SimulateMain()).execute(scenario.toString(), "--out", out.toString());
        } finally {
            System.setOut(before);
        }
        String said = console.toString(StandardCharsets.UTF_8);
        Results results = Json.read(out.resolve("results.json"), Results.class);
        assertThat(said).contains("as the slowest standing link needs");
        assertThat(results.verdicts()).as(said).filteredOn(v -> v.checker().equals("delivery"))
                .singleElement().satisfies(v -> {
                    assertThat(v.validity()).isEqualTo(Validity.VALID);
                    assertThat(v.counts()).containsEntry("inFlight", 0L).containsEntry("unknown", 0L);
                    assertThat(v.counts().get("deliveries")).isGreaterThan(40L);
                });
        assertThat(exit).isZero();
    }

    /** Writes to two streams at once. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
