package chatlab.p2p.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations read as people write them, and written back so that they read the same. */
class UnitsTest {
    @Test
    void readsEveryTimeUnit() {
        assertThat(Units.duration("500us")).isEqualTo(Duration.ofNanos(500_000));
        assertThat(Units.duration("20")).isEqualTo(Duration.ofMillis(20));
        assertThat(Units.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Units.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Units.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Units.duration("1d")).as("a relay's hold").isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> Units.duration("3w")).hasMessageContaining("unknown time unit 'w'");
        assertThatThrownBy(() -> Units.duration("soon")).hasMessageContaining("a duration such as");
    }

    @Test
    void writesTheLargestWholeUnitAndReadsItBack() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofNanos(1000), Duration.ofMillis(20),
                Duration.ofSeconds(90), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(61), Duration.ofDays(2)}) {
            assertThat(Units.duration(Units.format(d))).isEqualTo(d);
        }
        assertThat(Units.format(Duration.ofSeconds(300))).isEqualTo("5m");
        assertThat(Units.format(Duration.ofSeconds(7200))).isEqualTo("2h");
        assertThat(Units.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Units.format(Duration.ZERO)).isEqualTo("0s");
    }
}
