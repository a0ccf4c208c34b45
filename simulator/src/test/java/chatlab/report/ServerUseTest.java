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
                + "51.2 KiB per connection, with 1,000 online at most");
        assertThat(ServerUse.over(stats(0, 1_000_000_000L), 0, 1, 100, 1_000).orElseThrow().memory())
                .as("no resident memory in the file").isNull();
        assertThat(ServerUse.over(new ProcessStatsFile("server", samples), 0, 2, 100, 0).orElseThrow().memory())
                .as("nobody online").isNull();
    }
}
