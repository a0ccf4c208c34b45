package chatlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.net.toxic.Latency;
import chatlab.net.toxic.Slicer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The nemesis's plans are pure functions of the scenario and its seed. */
class FaultPlansTest {
    private static final String SCENARIO = """
            name: chaos
            seed: 7
            duration: 120s
            groups:
              - {name: a, users: 2, think: 1s, mix: {unicast: 1}}
              - {name: b, users: 2, think: 1s, mix: {unicast: 1}}
            nemesis:
              - {fault: kill, at: 30s, duration: 3s}
              - {fault: pause, at: 60s, duration: 2s}
              - random:
                  faults: [latency, {fault: slicer, averageSize: 2}, partition, kill, pause]
                  groups: [a, b]
                  from: 5s
                  until: 110s
                  gap: {uniform: [2s, 6s]}
                  duration: {uniform: [1s, 4s]}
            """;

    private static Scenario scenario(String... overrides) {
        return ScenarioLoader.parse(SCENARIO, false, List.of(overrides));
    }

    @Test
    void theSameSeedGivesTheSameFaultsAndAnotherSeedOthers() {
        List<FaultWindow> once = scenario().faultWindows();
        assertThat(scenario().faultWindows()).isEqualTo(once);
        assertThat(scenario("seed=8").faultWindows()).isNotEqualTo(once);
        assertThat(scenario("seed=8").faultWindows()).isEqualTo(scenario("seed=8").faultWindows());
    }

    @Test
    void randomFaultsStayInTheirSpanFollowOneAnotherAndComeFromTheList() {
        Scenario s = scenario();
        RandomFaults plan = (RandomFaults) s.nemesis().get(2);
        List<FaultWindow> random = plan.windows(99, s.duration(), 0);
        assertThat(random).hasSizeGreaterThan(10);
        for (int i = 0; i < random.size(); i++) {
            FaultWindow w = random.get(i);
            assertThat(w.start()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
            assertThat(w.end()).isLessThanOrEqualTo(Duration.ofSeconds(110)).isGreaterThan(w.start());
            assertThat(w.end().minus(w.start())).isLessThanOrEqualTo(Duration.ofSeconds(4));
            if (i > 0) {
                assertThat(w.start().minus(random.get(i - 1).end())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
            }
            assertThat(w.groups()).hasSize(w.fault().onServer() ? 0 : 1);
            assertThat(w.groups()).isSubsetOf("a", "b");
        }
        Set<String> kinds = random.stream().map(w -> w.fault().kind()).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder("latency", "slicer", "partition", "kill", "pause");
        assertThat(random).extracting(FaultWindow::fault).filteredOn(f -> f instanceof NetworkFault n
                && n.toxic() instanceof Slicer).allSatisfy(f -> assertThat(((Slicer) ((NetworkFault) f).toxic())
                        .averageBytes()).isEqualTo(2));
        assertThat(random).extracting(FaultWindow::fault).filteredOn(f -> f instanceof NetworkFault n
                && n.toxic() instanceof Latency).allSatisfy(f -> assertThat(((Latency) ((NetworkFault) f).toxic())
                        .latency()).isEqualTo(Duration.ofMillis(300)));
    }

    @Test
    void scheduledServerFaultsStrikeNoGroupAndAreNumberedWithTheRest() {
        Scenario s = scenario();
        List<FaultWindow> windows = s.faultWindows();
        assertThat(windows).extracting(FaultWindow::id).doesNotHaveDuplicates();
        FaultWindow kill = windows.stream().filter(w -> w.id() == 0).findFirst().orElseThrow();
        assertThat(kill.fault()).isInstanceOf(ServerCrash.class);
        assertThat(kill.groups()).isEmpty();
        assertThat(kill.start()).isEqualTo(Duration.ofSeconds(30));
        assertThat(kill.describe()).isEqualTo("kill -9, then restart");
        assertThat(s.faultsOnServer()).isTrue();
        assertThat(windows).isSortedAccordingTo(java.util.Comparator.comparing(FaultWindow::start));
    }

    @Test
    void everyFaultCanBeNamedWithItsDefaults() {
        for (String kind : Faults.kinds()) {
            Scenario s = ScenarioLoader.parse(SCENARIO.replace("faults: [latency, {fault: slicer, averageSize: 2}, "
                    + "partition, kill, pause]", "faults: [" + kind + "]").replace("groups: [a, b]\n", kind.equals("kill")
                    || kind.equals("pause") ? "\n" : "groups: [a, b]\n"), false, List.of());
            assertThat(((RandomFaults) s.nemesis().get(2)).faults()).singleElement()
                    .satisfies(f -> assertThat(f.kind()).isEqualTo(kind));
        }
    }
}
