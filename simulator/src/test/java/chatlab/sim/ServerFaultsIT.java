package chatlab.sim;

import chatlab.history.Op;
import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.history.Event;
import chatlab.history.HistoryReader;
import chatlab.metrics.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run on every CI run in which the nemesis kills the server with SIGKILL and starts it
 * again on the same database, then freezes it with SIGSTOP: the clients come back on their
 * own, nothing acknowledged is lost, and lockout is judged across the restart. The pause comes
 * seven seconds after the restart: on a busy machine the restart alone has taken over three, and
 * the clients must be back before a pause can leave their requests unanswered.
 */
class ServerFaultsIT {
    private static final String SCENARIO = """
            name: crash
            description: a kill and a pause
            seed: 3
            duration: 15s
            drain: 20s
            requestTimeout: 2s
            server: {maxAttempts: 3, blockDuration: 2s, argon2: "m=256,t=1,p=1", rateLimit: 0, idleTimeout: 6s}
            groups:
              - name: talk
                users: 6
                think: {exponential: 150ms}
                mix: {unicast: 50, multicast: 15, broadcast: 10, blockcast: 10, post: 10, read: 5}
              - name: thief
                users: 1
                victims: 1
                think: 150ms
                mix: {wrongPassword: 4, rightPassword: 1}
            nemesis:
              - {fault: kill, at: 2s, duration: 1s}
              - {fault: pause, at: 10s, duration: 3s}
            thresholds:
              - errors.unexpected == 0
            """;

    @TempDir
    Path dir;

    @Test
    void aKilledAndAPausedServerLoseNothingAcknowledged() throws Exception {
        ScenarioRun run = ScenarioRun.of(dir, SCENARIO);
        Path out = run.out();
        Results results = run.results();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(results.errors().unexpected()).as(results.errors().byCode().toString()).isZero();
        assertThat(run.exit()).isZero();

        List<Event> history = HistoryReader.readAll(out.resolve("history.jsonl.gz"));
        assertThat(history).filteredOn(e -> e.is(Op.FAULT)).extracting(e -> e.fault().kind() + " " + e.fault().phase())
                .containsExactly("kill start", "kill stop", "pause start", "pause stop");
        long killedAt = history.stream().filter(e -> e.is(Op.FAULT)).findFirst().orElseThrow().t();
        assertThat(history).as("the kill cut every chatting client off")
                .filteredOn(e -> e.is(Op.LOST) && e.t() > killedAt).extracting(Event::u).hasSizeGreaterThanOrEqualTo(6);
        assertThat(history).as("they came back on their own")
                .anyMatch(e -> (e.is(Op.RECONNECT) || e.is(Op.LOGIN)) && e.type() == chatlab.history.Type.OK
                        && e.t() > killedAt);
        assertThat(history).as("the pause left requests without an answer")
                .anyMatch(e -> e.type() == chatlab.history.Type.INFO);
        assertThat(Files.readString(out.resolve("index.html"))).contains("kill -9, then restart", "pause (SIGSTOP");
    }
}
