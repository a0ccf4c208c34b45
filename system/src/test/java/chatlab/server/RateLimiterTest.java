package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2021-02-23T15:00:00Z"));

    private static int take(RateLimiter limiter, int tries) {
        int granted = 0;
        for (int i = 0; i < tries; i++) {
            if (limiter.tryAcquire()) {
                granted++;
            }
        }
        return granted;
    }

    @Test
    void allowsABurstThenTheSteadyRate() {
        RateLimiter limiter = new RateLimiter(10, 20, clock);
        assertThat(take(limiter, 50)).isEqualTo(20);
        clock.advance(Duration.ofMillis(500));
        assertThat(take(limiter, 50)).isEqualTo(5);
        clock.advance(Duration.ofSeconds(60));
        assertThat(take(limiter, 50)).isEqualTo(20);
    }
}
