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
 * The shipped chat-core scenario, shortened, against an ngIRCd the lab starts, judged by IRC's
 * promise (at most once, only to users online); and a scenario IRC cannot express, refused.
 */
class IrcSimulationIT {
    @TempDir
    Path dir;

    @BeforeEach
    void needsNgircd() {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.irc.Ngircd.PROGRAM);
    }

    @Test
    void theCoreOfChattingRunsAgainstNgircdJudgedByItsPromise() throws Exception {
        String scenario = Files.readString(Path.of("scenarios/chat-core.yaml"));
        // chat-core's mix, with statuses (away messages) and who (the server's count) as well
        ScenarioRun run = ScenarioRun.of(dir, scenario, "--server", "ngircd", "--set", "duration=6s", "--set", "drain=10s",
                "--set", "groups.talk.mix={unicast: 40, multicast: 15, group: 15, broadcast: 5, relogin: 10, leave: 5, "
                        + "status: 5, who: 5}");
        Results results = run.results();
        assertThat(results.latency().get("who").count()).as("who answered by LUSERS").isPositive();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(results.verdicts().getFirst().summary()).contains("at most once, in order per sender, not across a crash, "
                + "only to users online");
        assertThat(results.verdicts().getFirst().counts()).containsKey("missedWhileAway");
        assertThat(results.throughput().deliveries()).isPositive();
        assertThat(results.errors().unexpected()).as(results.errors().byCode().toString()).isZero();
        assertThat(run.exit()).isZero();
        SimRun recorded = Json.read(run.out().resolve(SimRun.FILE), SimRun.class);
        assertThat(recorded.driver()).isEqualTo("irc");
        assertThat(recorded.promise()).isEqualTo(new Promise(Promise.Delivery.AT_MOST_ONCE, true, false, true).piecemeal());
        assertThat(run.console()).contains("Server: ngircd").contains("IRC over TCP").as("its CPU, sampled from outside")
                .contains("of its CPU per delivery");
    }

    @Test
    void aScenarioIrcCannotExpressIsRefusedWithEveryReason() throws Exception {
        ScenarioRun run = ScenarioRun.of(dir, Files.readString(Path.of("scenarios/smoke.yaml")), "--server", "ngircd");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.console()).contains("scenario smoke cannot run against ngircd:")
                .contains("group team: IRC cannot express 'blockcast'")
                .contains("group team: IRC cannot express 'post'")
                .contains("group guesser: IRC cannot express 'wrongPassword'");
        assertThat(run.out().resolve(SimRun.FILE)).doesNotExist();
    }
}
