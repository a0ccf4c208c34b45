package chatlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.net.toxic.Latency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    private static final String BASE = """
            name: t
            duration: 10s
            groups:
              - name: office
                users: 3
                think: {exponential: 1s}
                mix: {unicast: 3, read: 1}
            """;

    private static Scenario parse(String yaml, String... overrides) {
        return ScenarioLoader.parse(yaml, false, List.of(overrides));
    }

    static Stream<Path> shipped() throws Exception {
        return Files.list(Path.of("scenarios")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyShippedScenarioIsValid(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file, List.of());
        assertThat(s.name()).isEqualTo(file.getFileName().toString().replace(".yaml", ""));
        assertThat(s.description()).isNotBlank();
        assertThat(s.groups()).isNotEmpty();
    }

    @Test
    void readsAWholeScenario() {
        Scenario s = parse("""
                name: full
                description: all of it
                seed: 9
                duration: 1m
                warmUp: 15s
                drain: 5s
                requestTimeout: 3s
                server: {maxAttempts: 4, blockDuration: 2s, argon2: "m=1024,t=1,p=1", rateLimit: 0}
                blocks: {share: 0.5, each: 2}
                groups:
                  - name: a
                    users: 4
                    rampUp: 2s
                    think: {uniform: [1s, 2s]}
                    network:
                      toxics:
                        - {type: latency, latency: 20ms, jitter: 5ms}
                    mix: {unicast: 1, broadcast: 1}
                  - name: b
                    model: open
                    rate: 120/m
                    actions: 3
                    users: 5
                    mix: {read: 1}
                  - name: c
                    users: 2
                    victims: 1
                    mix: {wrongPassword: 9, rightPassword: 1}
                nemesis:
                  - {fault: partition, groups: [b], at: 10s, duration: 5s, every: 20s}
                thresholds: ["deliver.p99 < 500ms", "errors.unexpected == 0", "throughput.ops > 2/s"]
                """);
        assertThat(s.seed()).isEqualTo(9);
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.warmUp()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.server()).isEqualTo(new ServerSettings(4, Duration.ofSeconds(2), "m=1024,t=1,p=1", 0,
                chatlab.server.ServerConfig.DEFAULT_IDLE_TIMEOUT, true));
        assertThat(s.blocks()).isEqualTo(new BlockSpec(0.5, 2));
        assertThat(s.group("a").toxics()).singleElement().isInstanceOf(Latency.class);
        assertThat(s.group("a").proxy()).isTrue();
        assertThat(s.group("b").model()).isEqualTo(new LoadModel.Open(2.0, 3));
        assertThat(s.group("b").proxy()).as("a group under a fault gets a proxy").isTrue();
        assertThat(s.group("c").chats()).isFalse();
        assertThat(s.faultWindows()).extracting(w -> w.start().toSeconds()).containsExactly(10L, 30L, 50L);
        assertThat(s.faultWindows().getLast().end()).isEqualTo(Duration.ofSeconds(55));
        assertThat(s.thresholds()).extracting(Threshold::metric).containsExactly("deliver", "errors", "throughput");
        assertThat(s.thresholds().getFirst().value()).isEqualTo(500.0);
    }

    @Test
    void jsonWorksToo() {
        Scenario s = ScenarioLoader.parse("""
                {"name": "j", "duration": "5s", "groups": [{"name": "g", "users": 2, "mix": {"unicast": 1}}]}
                """, true, List.of());
        assertThat(s.group("g").users()).isEqualTo(2);
    }

    @Test
    void overridesSetAnyFieldByPathOrGroupName() {
        Scenario s = parse(BASE, "seed=7", "groups.office.users=50", "groups[0].think=2s", "duration=1m");
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.group("office").users()).isEqualTo(50);
        assertThat(s.group("office").think()).isEqualTo(new ThinkTime.Constant(Duration.ofSeconds(2)));
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown top-level field     | colour: blue                                    | colour: unknown field",
            "a duration that is not one  | duration: soon                                  | duration: expected a duration",
            "a seed that is not a number | seed: x                                         | seed: expected a whole number",
    })
    void topLevelErrorsNameTheField(String why, String line, String message) {
        String yaml = BASE.replace("duration: 10s\n", "duration: 10s\n" + line + "\n").replace("duration: 10s\nduration: soon",
                "duration: soon");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ScenarioException.class).hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "groups.office.mix.unicats=1         | groups[0].mix.unicats: unknown behaviour",
            "groups.office.users=0               | groups[0].users: must be between 1",
            "groups.office.model=sometimes       | groups[0].model: expected closed",
            "groups.office.rate=5/s              | groups[0].rate: only for the open model",
            "groups.office.think={gaussian: 1s}  | groups[0].think.gaussian: unknown field",
            "groups.office.think={uniform: [3s, 1s]} | groups[0].think.uniform: the maximum is below the minimum",
            "groups.office.name=Office!          | groups[0].name: use 1 to 12 lowercase",
            "groups.office.mix={wrongPassword: 1} | groups[0].victims: wrongPassword and rightPassword need victims",
            "groups.office.victims=2             | groups[0].mix: a group with victims only attacks them",
            "groups.office.network={toxics: [{type: latency}]} | groups[0].network.toxics[0].latency: required",
            "groups.office.network={toxics: [{type: snow}]} | groups[0].network.toxics[0]: unknown toxic 'snow'",
            "groups.office.network={toxics: [{type: timeout, timeout: 0s}]} | groups[0].network.toxics[0].timeout: must be more than 0",
            "groups.office.network={proxy: false, toxics: [{type: latency, latency: 1ms}]} | groups[0].network.proxy: toxics need",
            "nemesis=[{fault: partition, groups: [nobody], duration: 1s}] | nemesis[0].groups[0]: no group named 'nobody'",
            "nemesis=[{fault: flood, groups: [office], duration: 1s}] | nemesis[0].fault: unknown fault",
            "nemesis=[{fault: partition, groups: [office], duration: 2s, every: 1s}] | nemesis[0].every: must be longer",
            "nemesis=[{fault: partition, groups: [office], at: 20s, duration: 1s}] | nemesis[0].at: starts at or after the end",
            "nemesis=[{fault: kill, groups: [office], duration: 1s}] | nemesis[0].groups: kill strikes the server, not groups",
            "nemesis=[{fault: pause}]             | nemesis[0].duration: required",
            "nemesis=[{random: {faults: [latency]}}] | nemesis[0].random.groups: required",
            "nemesis=[{random: {faults: [snow], groups: [office]}}] | nemesis[0].random.faults[0]: unknown fault; the faults are latency",
            "nemesis=[{random: {faults: [kill], groups: [office]}}] | nemesis[0].random.groups: these faults strike the server",
            "nemesis=[{random: {faults: []}}]     | nemesis[0].random.faults: name at least one fault",
            "nemesis=[{random: {faults: [pause], from: 5s, until: 2s}}] | nemesis[0].random.until: must be after from",
            "nemesis=[{random: {faults: [pause]}, fault: kill}] | nemesis[0].fault: unknown field",
            "nemesis=[{fault: timeout, timeout: 2s, toxicity: 0.5, groups: [office], duration: 1s}] | nemesis[0].toxicity: a timeout fault strikes every connection",
            "server.idleTimeout=2s               | server.idleTimeout: must be 0 (never) or a whole number of seconds",
            "warmUp=10s                          | warmUp: must be shorter than the duration (10s)",
            "thresholds=[deliver.p42 < 1s]       | thresholds[0]: a latency's stats are",
            "thresholds=[speed.p99 < 1s]         | thresholds[0]: unknown metric 'speed'",
            "thresholds=[deliver.p99 is low]     | thresholds[0]: expected <metric>.<stat> <op> <value>",
            "server.maxAttempts=9                | server.maxAttempts: must be between 1 and 5",
            "server.blockDuration=1500ms         | server.blockDuration: must be a whole number of seconds",
            "server.argon2=fast                  | server.argon2:",
            "groups.office.users=1               | groups: chat needs at least two users",
            "groups.office.p2p={impair: loss=2}  | groups[0].p2p: only for a group whose mix has",
    })
    void everyErrorNamesItsField(String override, String message) {
        assertThatThrownBy(() -> parse(BASE, override)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void peerToPeerGroupsAreCheckedToo() {
        Scenario ok = parse(BASE, "groups.office.mix={beacon: 1, sendFile: 1}",
                "groups.office.p2p={impair: 'loss=0.05', fileSize: [1kb, 8kb], strategy: sr, window: 8, contactTtl: 1m}");
        assertThat(ok.group("office").udp()).isTrue();
        assertThat(ok.group("office").p2p()).isEqualTo(new P2pSpec("loss=0.05", 1024, 8192,
                chatlab.p2p.arq.Strategy.SELECTIVE_REPEAT, 8, Duration.ofMinutes(1)));
        assertThatThrownBy(() -> parse(BASE, "groups.office.mix={beacon: 1}", "groups.office.p2p={impair: 'loss=2'}"))
                .hasMessageStartingWith("groups[0].p2p.impair:");
        assertThatThrownBy(() -> parse(BASE, "groups.office.mix={sendFile: 1}", "groups.office.p2p={fileSize: [8kb, 1kb]}"))
                .hasMessageStartingWith("groups[0].p2p.fileSize: the maximum is below the minimum");
        assertThatThrownBy(() -> parse(BASE, "groups.office.mix={sendFile: 1}", "groups.office.p2p={strategy: tcp}"))
                .hasMessageStartingWith("groups[0].p2p.strategy:");
        assertThatThrownBy(() -> parse(BASE, "groups.office.mix={beacon: 1}", "groups.office.model=open",
                "groups.office.rate=1/s")).hasMessageStartingWith("groups[0].model: beacons, uploads, files and direct messages need the closed model");
    }

    @Test
    void directMessagesAndChurnTakeTheirRelaysHoldAndTimeAway() {
        Scenario ok = parse(BASE, "groups.office.mix={dm: 9, leave: 1}",
                "groups.office.p2p={relays: 5, hold: 15s, away: {uniform: [1s, 3s]}}");
        P2pSpec p2p = ok.group("office").p2p();
        assertThat(ok.group("office").udp()).as("direct messages go over UDP").isTrue();
        assertThat(p2p.relays()).isEqualTo(5);
        assertThat(p2p.hold()).isEqualTo(Duration.ofSeconds(15));
        assertThat(p2p.away()).isEqualTo(new ThinkTime.Uniform(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        assertThat(parse(BASE, "groups.office.mix={dm: 1}").group("office").p2p().relays()).as("by default").isEqualTo(3);
        assertThat(parse(BASE, "groups.office.mix={unicast: 1, leave: 1}", "groups.office.p2p={away: 2s}")
                .group("office").udp()).as("churn alone needs no UDP port").isFalse();
        assertThatThrownBy(() -> parse(BASE, "groups.office.mix={dm: 1}", "groups.office.p2p={relays: 17}"))
                .hasMessageStartingWith("groups[0].p2p.relays:");
        assertThatThrownBy(() -> parse(BASE, "groups.office.mix={dm: 1}", "groups.office.p2p={hold: 0s}"))
                .hasMessageStartingWith("groups[0].p2p.hold: relays hold a message for a positive time");
        assertThatThrownBy(() -> parse(BASE, "groups.office.mix={unicast: 1, leave: 1}", "groups.office.model=open",
                "groups.office.rate=1/s")).hasMessageStartingWith("groups[0].mix: leave is for the closed model");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> parse("name: x\nduration: 5s\n")).hasMessage("groups: required");
        assertThatThrownBy(() -> parse(BASE.replace("name: t\n", ""))).hasMessage("name: required");
        assertThatThrownBy(() -> parse(BASE.replace("    users: 3\n", ""))).hasMessage("groups[0].users: required");
    }

    @Test
    void brokenYamlSaysWhere() {
        assertThatThrownBy(() -> parse("name: [unclosed\n")).hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such.yaml"), List.of()))
                .isInstanceOf(ScenarioException.class).hasMessage("no scenario file no/such.yaml");
    }

    @Test
    void withoutFaultsDropsProxiesToxicsAndNemesis() {
        Scenario s = parse(BASE, "nemesis=[{fault: partition, groups: [office], duration: 1s}]").withoutFaults();
        assertThat(s.needsToxiproxy()).isFalse();
        assertThat(s.nemesis()).isEmpty();
    }
}
