package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void anIdleTimeoutIsZeroForNeverOrAtLeastThreeSeconds() {
        assertThat(ServerConfig.builder().build().idleTimeout()).isEqualTo(ServerConfig.DEFAULT_IDLE_TIMEOUT);
        assertThat(ServerConfig.builder().idleTimeout(Duration.ZERO).build().idleTimeout()).isZero();
        assertThat(ServerConfig.builder().idleTimeout(Duration.ofSeconds(3)).build().idleTimeout()).hasSeconds(3);
        for (Duration bad : new Duration[] {Duration.ofMillis(90), Duration.ofSeconds(2), Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> ServerConfig.builder().idleTimeout(bad).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the idle timeout must be 0 (none) or at least 3 seconds");
        }
    }
}
