package chatlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import chatlab.lab.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerUseTest {
    /** A sample a second, {@code cpuNanos} each: the stats file as the server writes it. */
    private static ProcessStatsFile stats(long... cpuNanos) {
        List<ProcessStatsFile.Sample> samples = new ArrayList<>();
        for (int i = 0; i < cpuNanos.length; i++) {
            samples.add(new ProcessStatsFile.Sample(i, Json.mapper().createObjectNode().put("cpuNanos", cpuNanos[i])));
        }
        return new ProcessStatsFile("server", samples);
    }

    @Test
    void countsOnlyTheMeasuredWindow() {
        // logins and warm-up burn 10 s of CPU in the first 3 s; then half a core for 4 s; then the drain
        ProcessStatsFile server = stats(0, 5_000_000_000L, 10_000_000_000L, 10_500_000_000L, 11_000_000_000L,
                11_500_000_000L, 12_000_000_000L, 30_000_000_000L);
        ServerUse use = ServerUse.over(server, 3, 6, 2_000).orElseThrow();
        assertThat(use.seconds()).isEqualTo(3);
        assertThat(use.cores()).isCloseTo(0.5, within(1e-9));
        assertThat(use.microsPerDelivery()).as("half a core at 2,000 deliveries a second").isCloseTo(250, within(1e-9));
        assertThat(use.describe()).isEqualTo("0.50 of a core over the measured 3 s, 250 µs of its CPU per delivery");
    }

    @Test
    void aRestartedServerCountsFromZeroAgain() {
        // one core busy throughout; killed and restarted between the second and third samples
        ServerUse use = ServerUse.over(stats(0, 1_000_000_000L, 900_000_000L, 1_900_000_000L), 0, 3, 100).orElseThrow();
        assertThat(use.cpuSeconds()).isCloseTo(1 + 0.9 + 1, within(1e-9));
    }

    @Test
    void saysNothingWithoutTwoSamplesOrDeliveries() {
        assertThat(ServerUse.over(stats(0, 1_000_000_000L), 0.5, 10, 100)).as("one sample in the window").isEmpty();
        assertThat(ServerUse.over(stats(), 0, 10, 100)).isEmpty();
        ServerUse idle = ServerUse.over(stats(0, 1_000_000L), 0, 1, 0).orElseThrow();
        assertThat(idle.microsPerDelivery()).isNaN();
        assertThat(idle.describe()).endsWith("n/a of its CPU per delivery");
    }

    @Test
    void memoryPerConnectionIsTheGrowthFromTheStartToTheMostUnderTheLoadByTheMostOnline() {
        // 40 MiB at start, before any client; 1,000 connections bring it to 90 MiB at most in the window; the drain is left out
        long mib = 1024 * 1024;
        long[] rss = {40 * mib, 60 * mib, 80 * mib, 90 * mib, 85 * mib, 200 * mib};
        List<ProcessStatsFile.Sample> samples = new ArrayList<>();
        for (int i = 0; i < rss.length; i++) {
            samples.add(new ProcessStatsFile.Sample(i - 2, Json.mapper().createObjectNode().put("cpuNanos", i * 100_000_000L)
                    .put("rssBytes", rss[i])));
        }
        ServerUse use = ServerUse.over(new ProcessStatsFile("server", samples), 0, 2, 100, 1_000).orElseThrow();
        assertThat(use.memory().bytesPerConnection()).isCloseTo(50 * mib / 1_000.0, within(1e-9));
        assertThat(use.describe()).endsWith("; resident memory 40.0 MiB at start and 90.0 MiB at most under the load: "
                + "51.2 KiB per connection (its growth by the most online), with 1,000 online at most");
        assertThat(ServerUse.over(stats(0, 1_000_000_000L), 0, 1, 100, 1_000).orElseThrow().memory())
                .as("no resident memory in the file").isNull();
        assertThat(ServerUse.over(new ProcessStatsFile("server", samples), 0, 2, 100, 0).orElseThrow().memory())
                .as("nobody online").isNull();
    }

    @Test
    void theSlopeAgainstTheUsersOnlineLeavesOutWhatTheServerSpendsOnceHoweverManyConnect() {
        // 100 MiB spent at once (code, a warmed heap), then 20 KiB for each of the users as they ramp to 1,000
        double[] online = {0, 100, 200, 400, 600, 800, 1_000, 1_000};
        double[] rss = new double[online.length];
        for (int i = 0; i < online.length; i++) {
            rss[i] = 100 * 1048576.0 + online[i] * 20 * 1024;
        }
        rss[0] = 40 * 1048576.0; // before the first login
        Double slope = ServerUse.Memory.slope(java.util.Arrays.copyOfRange(online, 1, online.length),
                java.util.Arrays.copyOfRange(rss, 1, rss.length), 1_000);
        assertThat(slope).isCloseTo(20 * 1024, within(1e-6));
        ServerUse.Memory memory = new ServerUse.Memory(40L << 20, (long) rss[7], 1_000, slope);
        assertThat(memory.bytesPerConnection() / 1024).isCloseTo(20, within(1e-9));
        assertThat(memory.describe()).contains("20.0 KiB per connection (its slope against the users online)");
        assertThat(ServerUse.Memory.slope(new double[] {990, 1_000, 1_000, 995, 1_000}, new double[] {1, 2, 3, 4, 5}, 1_000))
                .as("the users online hardly moved: no slope to read").isNull();
        assertThat(ServerUse.Memory.slope(new double[] {0, 1_000}, new double[] {1, 2}, 1_000)).as("two samples").isNull();
        assertThat(ServerUse.Memory.slope(new double[] {15, 12, 9, 6, 3, 1, 15}, new double[] {1, 2, 3, 4, 5, 6, 7}, 15))
                .as("users leaving while memory grows: churn, not a ramp").isNull();
        assertThat(ServerUse.Memory.slope(new double[] {0, 500, 1_000, 1_000, 1_000, 1_000, 1_000}, new double[] {1, 2, 3, 3, 4, 3, 3},
                1_000)).as("a ramp of two samples").isNull();
    }

    @Test
    void aServerThatHeldLessUnderTheLoadThanAtItsStartHasNoFigurePerConnection() {
        ServerUse.Memory shrank = new ServerUse.Memory(100L << 20, 90L << 20, 200);
        assertThat(shrank.measured()).isFalse();
        assertThat(shrank.describe()).contains("none to see per connection").doesNotContain("-");
        assertThat(new ServerUse.Memory(100L << 20, 110L << 20, 200).measured()).isTrue();
        assertThat(new ServerUse.Memory(100L << 20, 90L << 20, 200, 2_048.0).measured()).as("a slope").isTrue();
        assertThat(CompareReport.perConnection(shrank)).isEqualTo("none seen (it shrank)");
        assertThat(CompareReport.perConnection(new ServerUse.Memory(100L << 20, 90L << 20, 200, 2_048.0)))
                .isEqualTo("2.0 KiB (none by growth)");
        assertThat(CompareReport.perConnection(new ServerUse.Memory(100L << 20, 110L << 20, 1_024, 2_048.0)))
                .isEqualTo("2.0 KiB (10.0 by growth)");
    }

    @Test
    void aSimulatorWhoseHeapWasSmallerAfterTheLoadHasNoMemoryPerUser() {
        var shrank = new chatlab.run.SimulatorResources("1/1", 200L << 20, 100L << 20, 0, 1_000_000, 200, 200, 1_000, 1);
        assertThat(SimReport.perUser(shrank)).isEqualTo("none to see");
        var grew = new chatlab.run.SimulatorResources("1/1", 100L << 20, 110L << 20, 0, 1_000_000, 200, 200, 1_000, 1);
        assertThat(SimReport.perUser(grew)).isEqualTo("51.2 KiB");
    }
}
