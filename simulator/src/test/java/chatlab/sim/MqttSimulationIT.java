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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped chat-core scenario, shortened, against a mosquitto the lab starts: judged by MQTT
 * QoS 1's promise; and a scenario MQTT cannot express, refused before anything starts.
 */
class MqttSimulationIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "ejabberd-mqtt"})
    void theCoreOfChattingRunsAgainstABrokerJudgedByItsPromise(String server) throws Exception {
        chatlab.driver.NeedsPeer.assume(ServerKind.parse(server).program());
        String scenario = Files.readString(Path.of("scenarios/chat-core.yaml"));
        ScenarioRun run = ScenarioRun.of(dir, scenario, "--server", server, "--set", "duration=6s",
                "--set", "drain=10s");
        Results results = run.results();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(results.verdicts().getFirst().summary()).contains("at least once, in order per sender on each route, not across a crash");
        assertThat(results.throughput().deliveries()).isPositive();
        assertThat(results.errors().unexpected()).as(results.errors().byCode().toString()).isZero();
        assertThat(run.exit()).isZero();
        SimRun recorded = Json.read(run.out().resolve(SimRun.FILE), SimRun.class);
        assertThat(recorded.driver()).isEqualTo("mqtt");
        assertThat(recorded.promise()).isEqualTo(new Promise(Promise.Delivery.AT_LEAST_ONCE, true, false).piecemeal().perRoute());
        assertThat(run.console()).contains("Server: " + server).as("its CPU, sampled from outside")
                .contains("of its CPU per delivery");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "ejabberd-mqtt"})
    void aKilledAndAPausedBrokerIsJudgedByItsPromise(String server) throws Exception {
        chatlab.driver.NeedsPeer.assume(ServerKind.parse(server).program());
        ScenarioRun run = PeerServerFaults.killAndPause(dir, server);
        assertThat(run.exit()).isZero();
    }

    @Test
    void theSameScenarioIsValidAgainstChatlab() throws Exception {
        ScenarioRun run = ScenarioRun.of(dir, Files.readString(Path.of("scenarios/chat-core.yaml")), "--set", "duration=6s");
        Results results = run.results();
        assertThat(results.verdicts()).as(results.verdicts().toString()).extracting(v -> v.validity())
                .containsOnly(Validity.VALID);
        assertThat(results.verdicts().getFirst().summary()).contains("exactly once, in order");
        assertThat(Json.read(run.out().resolve(SimRun.FILE), SimRun.class).driver()).isEqualTo("chatlab");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aScenarioMqttCannotExpressIsRefusedWithEveryReason() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.mqtt.Mosquitto.PROGRAM);
        String scenario = Files.readString(Path.of("scenarios/smoke.yaml"));
        ScenarioRun run = ScenarioRun.of(dir, scenario, "--server", "mosquitto");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.console()).contains("scenario smoke cannot run against mosquitto:")
                .contains("group team: MQTT cannot express 'blockcast'")
                .contains("group team: MQTT cannot express 'post'")
                .contains("group guesser: MQTT cannot express 'wrongPassword'");
        assertThat(run.out().resolve(SimRun.FILE)).doesNotExist();
        ScenarioRun unknown = ScenarioRun.of(Files.createDirectories(dir.resolve("unknown")), scenario, "--server", "ircd");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.console()).contains("--server takes chatlab, mosquitto, ngircd, prosody, ejabberd, ejabberd-mqtt, not 'ircd'");
    }
}
