package chatlab.report;

import chatlab.history.Op;
import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.DeliveryChecker;
import chatlab.history.Event;
import chatlab.history.HistoryWriter;
import chatlab.history.Type;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.run.SimRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab report sim} on run folders written by hand, in a JVM of its own so that the exit
 * code is the one a shell sees: a lost message fails the run even when another checker cannot
 * decide, and an undecided checker alone never passes it.
 */
class ReportExitIT {
    private static final String SCENARIO = """
            name: verdicts
            seed: 1
            duration: 2s
            server: {maxAttempts: 3, blockDuration: 2s}
            groups:
              - name: talk
                users: 2
                think: 100ms
                mix: {unicast: 1}
              - name: thief
                users: 1
                victims: 1
                think: 100ms
                mix: {wrongPassword: 1}
            """;

    @TempDir
    Path dir;

    private static final String A = "t-talk-0";
    private static final String B = "t-talk-1";

    /** A run where A sends B two messages; {@code delivered} of them arrive; nobody attacks, so lockout cannot decide. */
    private Path run(String name, int delivered) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        List<Event> events = new ArrayList<>();
        long t = 1_000;
        for (String u : List.of(A, B)) {
            events.add(Event.of(t++, u, Type.INVOKE, Op.LOGIN, u));
            events.add(Event.of(t++, u, Type.OK, Op.LOGIN, u));
        }
        for (int n = 1; n <= 2; n++) {
            Event.Chat chat = new Event.Chat("unicast", List.of(B), List.of(), DeliveryChecker.token(A, n), null, null,
                    null, null);
            events.add(Event.of(t++, A, Type.INVOKE, Op.SEND, A).withChat(chat));
            events.add(Event.of(t++, A, Type.OK, Op.SEND, A).withChat(chat));
        }
        for (int n = 1; n <= delivered; n++) {
            events.add(Event.of(t++, B, Type.EVENT, Op.DELIVER, B).withDelivery(
                    new Event.Delivery(A, n, n, DeliveryChecker.token(A, n), "unicast")));
        }
        events.add(Event.of(t++, "sim", Type.EVENT, Op.END, null));
        try (HistoryWriter history = HistoryWriter.open(run.resolve(SimRun.HISTORY))) {
            events.forEach(history::append);
        }
        Json.write(run.resolve(SimRun.FILE), new SimRun(name, "by hand", "test", Machine.current(), "then", "now",
                "verdicts", "verdicts.yaml", SCENARIO, false, List.of(), 1, "t", "1/1", "127.0.0.1:1", false, null,
                0, 0, t, t + 1, events.size(), List.of()));
        return run;
    }

    private record Exit(int code, String output) {
    }

    private static Exit report(Path run) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), chatlab.cmd.ReportMain.class.getName(), "sim", run.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("./lab report ended").isTrue();
        return new Exit(p.exitValue(), output);
    }

    @Test
    void aLostMessageFailsTheRunEvenWhenAnotherCheckerCannotDecide() throws Exception {
        Exit exit = report(run("lossy", 1));
        assertThat(exit.output()).contains("Checkers: invalid; failed");
        assertThat(exit.code()).isEqualTo(1);
        String summary = Files.readString(dir.resolve("lossy").resolve("summary.md"));
        assertThat(summary).contains("Result: **failed**", "delivery: **invalid**", "lockout: **unknown**");
    }

    @Test
    void anUndecidedCheckerAloneIsInconclusiveNotPassed() throws Exception {
        Exit exit = report(run("whole", 2));
        assertThat(exit.output()).contains("Checkers: unknown; inconclusive");
        assertThat(exit.code()).isEqualTo(3);
    }
}
