package chatlab.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleWatchTest {
    private final AtomicLong now = new AtomicLong();
    private final List<String> told = new ArrayList<>();

    private IdleWatch watch(Duration after) {
        return new IdleWatch(after, () -> told.add("idle"), () -> told.add("back"), now::get, false);
    }

    @Test
    void idleOnceAfterTheQuietSpellAndBackOnceAtTheNextInput() {
        IdleWatch watch = watch(Duration.ofMinutes(5));
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        watch.check();
        assertThat(told).isEmpty();
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        watch.check();
        watch.check();
        assertThat(told).containsExactly("idle");
        watch.input();
        watch.input();
        assertThat(told).containsExactly("idle", "back");
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        watch.check();
        assertThat(told).containsExactly("idle", "back", "idle");
    }

    @Test
    void zeroNeverGoesIdle() {
        IdleWatch watch = watch(Duration.ZERO);
        now.addAndGet(Duration.ofDays(1).toNanos());
        watch.check();
        assertThat(told).isEmpty();
    }
}
