package chatlab.sim;

import chatlab.run.SimRun;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.history.Event;
import chatlab.history.HistoryReader;
import chatlab.history.Op;
import chatlab.history.Type;
import chatlab.metrics.Results;
import java.nio.file.Path;
import java.util.List;

/**
 * A kill -9 and a pause of a peer server the lab starts, in the middle of a run of unicasts,
 * multicasts, broadcasts and users leaving: what every driver's crash test checks.
 */
final class PeerServerFaults {
    private PeerServerFaults() {
    }

    /**
     * Runs the faults against {@code server} in {@code dir}; checks that the run is valid by the
     * server's promise, that the nemesis killed and restarted it, and that the clients came back on
     * their own and delivered after the restart; returns the run for the server's own checks.
     */
    static ScenarioRun killAndPause(Path dir, String server) throws Exception {
        ScenarioRun run = killAndPauseJudged(dir, server);
        Results results = run.results();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        return run;
    }

    /**
     * As {@link #killAndPause}, for a server whose verdict may be invalid for a reason of its own
     * (the caller checks which): the faults struck, the clients came back, and the delivery checker
     * judged the run by the server's promise, with nothing lost in the crash left uncounted.
     */
    static ScenarioRun killAndPauseJudged(Path dir, String server) throws Exception {
        ScenarioRun run = ScenarioRun.of(dir, """
                name: peer-server-faults
                description: a kill and a pause of the server
                seed: 5
                duration: 14s
                drain: 10s
                requestTimeout: 2s
                groups:
                  - name: talk
                    users: 8
                    think: {exponential: 100ms}
                    mix: {unicast: 60, multicast: 20, broadcast: 10, leave: 10}
                    p2p: {away: {exponential: 1s}}
                nemesis:
                  - {fault: kill, at: 2s, duration: 1s}
                  - {fault: pause, at: 9s, duration: 2s}
                thresholds:
                  - errors.unexpected == 0
                """, "--server", server);
        Results results = run.results();
        assertThat(results.verdicts().getFirst().counts()).containsKeys("lostInCrash", "repeatedAfterCrash");
        assertThat(run.console()).contains("Nemesis: " + server + " killed (kill -9)", "Nemesis: " + server + " restarted");
        List<Event> history = HistoryReader.readAll(run.out().resolve(SimRun.HISTORY));
        assertThat(history).filteredOn(e -> e.is(Op.FAULT)).extracting(e -> e.fault().kind() + " " + e.fault().phase())
                .containsExactly("kill start", "kill stop", "pause start", "pause stop");
        long killed = history.stream().filter(e -> e.is(Op.FAULT)).findFirst().orElseThrow().t();
        assertThat(history).as("the clients came back on their own")
                .anyMatch(e -> e.is(Op.RECONNECT) && e.type() == Type.OK && e.t() > killed);
        assertThat(history).as("and delivered after the restart")
                .anyMatch(e -> e.is(Op.DELIVER) && e.t() > killed + 2_000_000);
        return run;
    }
}
