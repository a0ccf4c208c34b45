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
        CrossCheckReport.Tsung t = Tsung.measure(log, LOAD, Tsung.Target.MOSQUITTO, start * 1000);
        assertThat(t.seconds()).isEqualTo(4);
        assertThat(t.publishedPerSecond()).isEqualTo(1_000);
        assertThat(t.deliveredPerSecond()).isEqualTo(997.5);
        assertThat(t.sendMeanMs()).as("weighted by each dump's count").isCloseTo((1_000 * 1.0 + 3_000 * 2.0) / 4_000, within(1e-9));
        assertThat(t.sends()).isEqualTo(4_000);
        assertThat(t.deliverMeanMs()).as("Tsung 1.7.0 times no MQTT delivery").isNull();
    }

    /** A dump of the XMPP side: {@code chats} messages sent with their ping, {@code timed} deliveries timed. */
    private static List<String> xmppDump(long at, long chats, double sendMs, long timed, double deliverMs) {
        return List.of("# stats: dump at " + at, "stats: users 400 400",
                "stats: tr_chat " + chats + " " + sendMs + " 0.5 9.1 0.1 0 0",
                "stats: xmpp_msg_latency " + timed + " " + deliverMs + " 0.4 14.5 0.2 1.3 4065",
                "stats: async_unknown_data_rcv " + timed + " 4476");
    }

    @Test
    void overXmppTheMessagesSentAreTheChatTransactionsAndTheTimedDeliveriesGiveTheDeliverMean() {
        long start = 2_000;
        List<String> log = new java.util.ArrayList<>();
        log.addAll(xmppDump(start + 4, 10, 50.0, 10, 50.0)); // warm-up
        log.addAll(xmppDump(start + 6, 1_000, 1.0, 900, 2.0));
        log.addAll(xmppDump(start + 8, 3_000, 3.0, 2_700, 4.0));
        CrossCheckReport.Tsung t = Tsung.measure(log, LOAD, Tsung.Target.EJABBERD, start * 1000);
        assertThat(t.publishedPerSecond()).isEqualTo(1_000);
        assertThat(t.deliveredPerSecond()).isEqualTo(900);
        assertThat(t.sendMeanMs()).isCloseTo((1_000 * 1.0 + 3_000 * 3.0) / 4_000, within(1e-9));
        assertThat(t.deliverMeanMs()).isCloseTo((900 * 2.0 + 2_700 * 4.0) / 3_600, within(1e-9));
        assertThat(Tsung.measure(xmppDump(5, 1, 1, 1, 1.0), LOAD, Tsung.Target.EJABBERD, 0).deliverMeanMs()).isNaN();
    }

    @Test
    void aLogWithNoDumpInTheWindowMeasuresNothing() {
        CrossCheckReport.Tsung t = Tsung.measure(dump(5, 1, 1, 1, 1.0), LOAD, Tsung.Target.MOSQUITTO, 0);
        assertThat(t.seconds()).isZero();
        assertThat(t.sendMeanMs()).isNaN();
    }

    @Test
    void theConfigurationOffersTheScenariosLoad() {
        String xml = Tsung.config(LOAD, Tsung.Target.MOSQUITTO, 1883, Path.of("/tmp"));
        assertThat(xml).contains("<server host=\"127.0.0.1\" port=\"1883\" type=\"tcp\"/>")
                .contains("<load duration=\"10\" unit=\"second\">")
                .contains("<arrivalphase phase=\"1\" duration=\"8\" unit=\"second\">")
                .contains("<users maxnumber=\"200\" arrivalrate=\"100.000\" unit=\"second\"/>")
                .contains("topic=\"chatlab/u/%%_to%%\" qos=\"1\">" + "x".repeat(100) + "</mqtt>")
                .contains("<thinktime value=\"0.025\" random=\"false\"/>")
                .contains("topic=\"chatlab/u/%%_me%%\" qos=\"1\"")
                .contains("value=\"/tmp/subscribers.csv\"");
        assertThat(xml.split("<user session=\"sub\"", -1)).as("a subscriber for each user").hasSize(201);
    }

    @Test
    void overXmppEachMessageGoesWithAPingInOneWriteAndCarriesTsungsStamp() throws Exception {
        String xml = Tsung.config(LOAD, Tsung.Target.EJABBERD, 5222, Path.of("/tmp"));
        assertThat(xml).contains("<server host=\"127.0.0.1\" port=\"5222\" type=\"tcp\"/>")
                .contains("<option type=\"ts_jabber\" name=\"domain\" value=\"localhost\"/>")
                .contains("value=\"/tmp/receivers.csv\"").contains("value=\"/tmp/senders.csv\"")
                .contains("<session name=\"recv\" probability=\"0\" type=\"ts_jabber\" bidi=\"true\">")
                .contains("<jabber type=\"presence:initial\"")
                .contains("<setdynvars sourcetype=\"random_number\" start=\"1\" end=\"200\"><var name=\"to\"/>")
                // the message and the ping in one raw request, the stamp as Tsung's own chat request writes it
                .contains("to='u%%_to%%@localhost' type='chat'&gt;&lt;body&gt;%%_stamp%%" + "x".repeat(64) + "&lt;/body&gt;"
                        + "&lt;/message&gt;&lt;iq type='get' id='p%%_i%%' to='localhost'&gt;&lt;ping xmlns='urn:xmpp:ping'/&gt;")
                .contains("&quot;@@@~b,~b;~b;~b@@@&quot;, [erlang:phash2(node()), M, S, U]")
                .contains("<thinktime value=\"0.025\" random=\"false\"/>");
        assertThat(xml.split("<user session=\"recv\"", -1)).as("a receiver for each user").hasSize(201);
        assertThat(xml.split("<jabber type=\"register\"", -1)).as("both accounts registered in-band").hasSize(3);
        // well-formed XML, so that Tsung reads it
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path files = Files.createDirectories(dir.resolve("files"));
        Tsung.writeUserFiles(LOAD, Tsung.Target.EJABBERD, files);
        assertThat(Files.readAllLines(files.resolve(Tsung.RECEIVERS))).hasSize(200).startsWith("u1;pw1");
        assertThat(Files.readAllLines(files.resolve(Tsung.SENDERS))).hasSize(200).endsWith("s200;pw200");
    }

    @Test
    void tsungsSideIsWrittenForMosquittoAndEjabberdOnly() {
        assertThat(Tsung.Target.of("ejabberd")).isEqualTo(Tsung.Target.EJABBERD);
        assertThatThrownBy(() -> Tsung.Target.of("prosody"))
                .hasMessage("Tsung's side is written for mosquitto and ejabberd, not prosody");
        assertThatThrownBy(() -> Tsung.Target.of("irc")).hasMessageStartingWith("--server takes ");
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
