package chatlab.sim;

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
                java.util.EnumSet.of(chatlab.protocol.Audience.BROADCAST, chatlab.protocol.Audience.GROUP)));
        assertThat(run.console()).contains("Server: prosody").contains("XMPP over TCP").as("its CPU, sampled from outside")
                .contains("of its CPU per delivery");
    }

    @Test
    void aKilledAndAPausedServerIsJudgedByItsPromise() throws Exception {
        ScenarioRun run = ScenarioRun.of(dir, """
                name: xmpp-server-faults
                description: a kill and a pause of the XMPP server
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
                """, "--server", "prosody");
        Results results = run.results();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(results.verdicts().getFirst().counts()).containsKeys("lostInCrash", "missedWhileAway");
        assertThat(run.console()).contains("Nemesis: prosody killed (kill -9)", "Nemesis: prosody restarted");
        var history = chatlab.history.HistoryReader.readAll(run.out().resolve(SimRun.HISTORY));
        long killed = history.stream().filter(e -> e.is(chatlab.history.Op.FAULT)).findFirst().orElseThrow().t();
        assertThat(history).as("the clients came back on their own")
                .anyMatch(e -> e.is(chatlab.history.Op.RECONNECT) && e.type() == chatlab.history.Type.OK && e.t() > killed);
        assertThat(history).as("and delivered after the restart")
                .anyMatch(e -> e.is(chatlab.history.Op.DELIVER) && e.t() > killed + 2_000_000);
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
