package chatlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.metrics.Results;
import chatlab.net.NeedsToxiproxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        ScenarioRun run = ScenarioRun.of(dir, SCENARIO);
        String said = run.console();
        Results results = run.results();
        assertThat(said).contains("as the slowest standing link needs");
        assertThat(results.verdicts()).as(said).filteredOn(v -> v.checker().equals("delivery"))
                .singleElement().satisfies(v -> {
                    assertThat(v.validity()).isEqualTo(Validity.VALID);
                    assertThat(v.counts()).containsEntry("inFlight", 0L).containsEntry("unknown", 0L);
                    assertThat(v.counts().get("deliveries")).isGreaterThan(40L);
                });
        assertThat(run.exit()).isZero();
    }
}
