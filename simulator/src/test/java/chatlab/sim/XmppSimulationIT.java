package chatlab.sim;

import chatlab.run.SimRun;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.checker.Validity;
import chatlab.driver.Promise;
import chatlab.lab.Json;
import chatlab.metrics.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped chat-core scenario, shortened, against a Prosody and an ejabberd the lab starts,
 * judged by XMPP's promise (at most once; a room's message only to those in it), and each
 * killed and paused; and a scenario XMPP cannot express, refused.
 */
class XmppSimulationIT {
    @TempDir
    Path dir;

    @Test
    void theCoreOfChattingRunsAgainstProsodyJudgedByItsPromise() throws Exception {
        String server = "prosody";
        chatlab.driver.NeedsPeer.assume(chatlab.driver.xmpp.Prosody.PROGRAM);
        String scenario = Files.readString(Path.of("scenarios/chat-core.yaml"));
        // chat-core's mix, with statuses (presence, to the server and the rooms) as well
        ScenarioRun run = ScenarioRun.of(dir, scenario, "--server", server, "--set", "duration=6s", "--set", "drain=10s",
                "--set", "groups.talk.mix={unicast: 45, multicast: 15, group: 15, broadcast: 5, relogin: 10, leave: 5, "
                        + "status: 5}");
        Results results = run.results();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(results.verdicts().getFirst().summary()).contains("at most once, in order per sender on each route, not across a crash, "
                + "broadcast and group only to users online");
        assertThat(results.verdicts().getFirst().counts()).containsKey("missedWhileAway");
        assertThat(results.throughput().deliveries()).isPositive();
        assertThat(results.errors().unexpected()).as(results.errors().byCode().toString()).isZero();
        assertThat(run.exit()).isZero();
        SimRun recorded = Json.read(run.out().resolve(SimRun.FILE), SimRun.class);
        assertThat(recorded.driver()).isEqualTo("xmpp");
        assertThat(recorded.promise()).isEqualTo(new Promise(Promise.Delivery.AT_MOST_ONCE, true, false,
                java.util.EnumSet.of(chatlab.protocol.Audience.BROADCAST, chatlab.protocol.Audience.GROUP)).piecemeal().perRoute());
        assertThat(run.console()).contains("Server: " + server).contains("XMPP over TCP").as("its CPU, sampled from outside")
                .contains("of its CPU per delivery");
    }

    /**
     * ejabberd 23.01 keeps a chat message for a user who is offline and gives it at their next login,
     * but a chat message that arrives while they log in can overtake it, and one that arrives just
     * before they are available can stay in storage until the login after (the lab's runs against it
     * show both), so its runs may be judged invalid for order, or for a loss if the user never
     * logs in again: those two and nothing else.
     */
    @Test
    void theCoreOfChattingRunsAgainstEjabberdAndOnlyItsOwnFaultsAreFound() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.Ejabberd.XMPP);
        String scenario = Files.readString(Path.of("scenarios/chat-core.yaml"));
        ScenarioRun run = ScenarioRun.of(dir, scenario, "--server", "ejabberd", "--set", "duration=6s", "--set", "drain=10s");
        onlyEjabberdsOwnFaults(run.results());
        assertThat(run.results().throughput().deliveries()).isPositive();
        assertThat(run.console()).contains("Server: ejabberd").contains("XMPP over TCP");
    }

    @Test
    void aKilledAndAPausedEjabberdIsJudgedByItsPromise() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.Ejabberd.XMPP);
        onlyEjabberdsOwnFaults(PeerServerFaults.killAndPauseJudged(dir, "ejabberd").results());
    }

    private static void onlyEjabberdsOwnFaults(Results results) {
        assertThat(results.errors().unexpected()).as(results.errors().byCode().toString()).isZero();
        var verdict = results.verdicts().getFirst();
        assertThat(verdict.validity()).as(verdict.summary()).isIn(Validity.VALID, Validity.INVALID);
        assertThat(verdict.counts().keySet()).as(verdict.summary())
                .doesNotContain("duplicated", "unintended", "refused but delivered", "partly delivered");
    }

    @Test
    void aKilledAndAPausedProsodyIsJudgedByItsPromise() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.xmpp.Prosody.PROGRAM);
        ScenarioRun run = PeerServerFaults.killAndPause(dir, "prosody");
        assertThat(run.results().verdicts().getFirst().counts()).as("a room's message is online only")
                .containsKey("missedWhileAway");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aScenarioXmppCannotExpressIsRefusedWithEveryReason() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.xmpp.Prosody.PROGRAM);
        ScenarioRun run = ScenarioRun.of(dir, Files.readString(Path.of("scenarios/smoke.yaml")), "--server", "prosody");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.console()).contains("scenario smoke cannot run against prosody:")
                .contains("group team: XMPP cannot express 'blockcast'")
                .contains("group team: XMPP cannot express 'post'")
                .contains("group guesser: XMPP cannot express 'wrongPassword'");
        assertThat(run.out().resolve(SimRun.FILE)).doesNotExist();
    }
}
