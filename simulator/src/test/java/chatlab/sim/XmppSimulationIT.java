package chatlab.sim;

import chatlab.run.SimRun;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.driver.Promise;
import chatlab.lab.Json;
import chatlab.metrics.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped chat-core scenario, shortened, against a Prosody the lab starts, judged by XMPP's
 * promise (at most once; a room's message only to those in it); and a scenario XMPP cannot express, refused.
 */
class XmppSimulationIT {
    @TempDir
    Path dir;

    @BeforeEach
    void needsProsody() {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.xmpp.Prosody.PROGRAM);
    }

    @Test
    void theCoreOfChattingRunsAgainstProsodyJudgedByItsPromise() throws Exception {
        String scenario = Files.readString(Path.of("scenarios/chat-core.yaml"));
        ScenarioRun run = ScenarioRun.of(dir, scenario, "--server", "prosody", "--set", "duration=6s", "--set", "drain=10s");
        Results results = run.results();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(results.verdicts().getFirst().summary()).contains("at most once, in order per sender, not across a crash, "
                + "broadcast and group only to users online");
        assertThat(results.verdicts().getFirst().counts()).containsKey("missedWhileAway");
        assertThat(results.throughput().deliveries()).isPositive();
        assertThat(results.errors().unexpected()).as(results.errors().byCode().toString()).isZero();
        assertThat(run.exit()).isZero();
        SimRun recorded = Json.read(run.out().resolve(SimRun.FILE), SimRun.class);
        assertThat(recorded.driver()).isEqualTo("xmpp");
        assertThat(recorded.promise()).isEqualTo(new Promise(Promise.Delivery.AT_MOST_ONCE, true, false,
                java.util.EnumSet.of(chatlab.protocol.Audience.BROADCAST, chatlab.protocol.Audience.GROUP)).piecemeal());
        assertThat(run.console()).contains("Server: prosody").contains("XMPP over TCP").as("its CPU, sampled from outside")
                .contains("of its CPU per delivery");
    }

    @Test
    void aKilledAndAPausedServerIsJudgedByItsPromise() throws Exception {
        ScenarioRun run = PeerServerFaults.killAndPause(dir, "prosody");
        assertThat(run.results().verdicts().getFirst().counts()).as("a room's message is online only")
                .containsKey("missedWhileAway");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aScenarioXmppCannotExpressIsRefusedWithEveryReason() throws Exception {
        ScenarioRun run = ScenarioRun.of(dir, Files.readString(Path.of("scenarios/smoke.yaml")), "--server", "prosody");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.console()).contains("scenario smoke cannot run against prosody:")
                .contains("group team: XMPP cannot express 'blockcast'")
                .contains("group team: XMPP cannot express 'post'")
                .contains("group guesser: XMPP cannot express 'wrongPassword'");
        assertThat(run.out().resolve(SimRun.FILE)).doesNotExist();
    }
}
