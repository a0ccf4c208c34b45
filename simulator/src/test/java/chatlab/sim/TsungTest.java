package chatlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import chatlab.cmd.SimulateMain;
import chatlab.report.CrossCheckReport;
import chatlab.workload.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsungTest {
    @TempDir
    Path dir;

    private static final Tsung.Load LOAD = new Tsung.Load(200, Duration.ofMillis(25), false, Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(4), 100);

    /** A dump as Tsung writes it: {@code published} and {@code delivered} counters, and {@code pubs} publishes of {@code meanMs}. */
    private static List<String> dump(long at, long published, long delivered, long pubs, double meanMs) {
        return List.of("# stats: dump at " + at, "stats: users 400 400",
                "stats: {cpu,\"tsung_controller@127.0.0.1\"} 1 39.9 0 39.9 39.9 0 0",
                "stats: tr_pub " + pubs + " " + meanMs + " 0.5 9.1 0.1 0 0",
                "stats: mqtt_published " + published + " 99999", "stats: mqtt_server_published " + delivered + " 99999");
    }

    @Test
    void readsOnlyTheDumpsWhollyInTheMeasuredWindow() {
        long start = 1_000;
        List<String> log = new java.util.ArrayList<>();
        log.addAll(dump(start + 2, 100, 100, 100, 9.0)); // warm-up
        log.addAll(dump(start + 4, 200, 200, 200, 9.0)); // warm-up
        log.addAll(dump(start + 6, 1_000, 990, 1_000, 1.0)); // measured
        log.addAll(dump(start + 8, 3_000, 3_000, 3_000, 2.0)); // measured
        log.addAll(dump(start + 10, 50, 50, 50, 50.0)); // after the window
        CrossCheckReport.Tsung t = Tsung.measure(log, LOAD, start * 1000);
        assertThat(t.seconds()).isEqualTo(4);
        assertThat(t.publishedPerSecond()).isEqualTo(1_000);
        assertThat(t.deliveredPerSecond()).isEqualTo(997.5);
        assertThat(t.sendMeanMs()).as("weighted by each dump's count").isCloseTo((1_000 * 1.0 + 3_000 * 2.0) / 4_000, within(1e-9));
        assertThat(t.sends()).isEqualTo(4_000);
    }

    @Test
    void aLogWithNoDumpInTheWindowMeasuresNothing() {
        CrossCheckReport.Tsung t = Tsung.measure(dump(5, 1, 1, 1, 1.0), LOAD, 0);
        assertThat(t.seconds()).isZero();
        assertThat(t.sendMeanMs()).isNaN();
    }

    @Test
    void theConfigurationOffersTheScenariosLoad() {
        String xml = Tsung.config(LOAD, 1883, Path.of("/tmp/ids.csv"));
        assertThat(xml).contains("<server host=\"127.0.0.1\" port=\"1883\" type=\"tcp\"/>")
                .contains("<load duration=\"10\" unit=\"second\">")
                .contains("<arrivalphase phase=\"1\" duration=\"8\" unit=\"second\">")
                .contains("<users maxnumber=\"200\" arrivalrate=\"100.000\" unit=\"second\"/>")
                .contains("topic=\"chatlab/u/%%_to%%\" qos=\"1\">" + "x".repeat(100) + "</mqtt>")
                .contains("<thinktime value=\"0.025\" random=\"false\"/>")
                .contains("topic=\"chatlab/u/%%_me%%\" qos=\"1\"")
                .contains("value=\"/tmp/ids.csv\"");
        assertThat(xml.split("<user session=\"sub\"", -1)).as("a subscriber for each user").hasSize(201);
    }

    @Test
    void onlyOneGroupSendingUnicastAtAConstantOrExponentialPaceWithoutFaultsCanBeCrossChecked() throws Exception {
        Tsung.Load shipped = Tsung.Load.of(ScenarioLoader.load(SimulateMain.locate("unicast-capacity"), List.of()));
        assertThat(shipped.users()).isEqualTo(200);
        assertThat(shipped.think()).isEqualTo(Duration.ofMillis(25));
        Path chatCore = SimulateMain.locate("chat-core");
        assertThatThrownBy(() -> Tsung.Load.of(ScenarioLoader.load(chatCore, List.of())))
                .hasMessageStartingWith("scenario chat-core cannot be cross-checked with Tsung:")
                .hasMessageContaining("does more than send unicast messages");
        Path odd = Files.writeString(dir.resolve("odd.yaml"), """
                name: odd
                duration: 10s
                groups:
                  - name: a
                    users: 2
                    think: {uniform: [1s, 2s]}
                    mix: {unicast: 100}
                """);
        assertThatThrownBy(() -> Tsung.Load.of(ScenarioLoader.load(odd, List.of())))
                .hasMessageContaining("Tsung's side takes a constant or an exponential think time");
    }
}
