package chatlab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HiccupMeterTest {
    private static final long BUSY_NANOS = Duration.ofMillis(400).toNanos();

    /** Every carrier thread busy with work that never yields, as CPU-bound virtual threads are. */
    private static void hogTheCarriers() throws InterruptedException {
        List<Thread> hogs = new ArrayList<>();
        int carriers = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < carriers; i++) {
            hogs.add(Thread.ofVirtual().start(() -> {
                long end = System.nanoTime() + BUSY_NANOS;
                long spins = 0;
                while (System.nanoTime() < end) {
                    spins++;
                }
                if (spins < 0) {
                    throw new AssertionError();
                }
            }));
        }
        for (Thread hog : hogs) {
            hog.join();
        }
    }

    @Test
    void aVirtualThreadMeterSeesTheCarriersBusyAndAPlatformOneDoesNot() throws Exception {
        try (HiccupMeter virtual = HiccupMeter.onVirtualThread(); HiccupMeter platform = HiccupMeter.onPlatformThread()) {
            Histogram seen = new Histogram(3);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                seen.add(virtual.interval());
                return seen.getTotalCount() > 10; // both meters are running
            });
            platform.interval();
            hogTheCarriers();
            Histogram stalls = new Histogram(3);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                stalls.add(virtual.interval());
                return stalls.getMaxValue() > 0 && stalls.getTotalCount() > 5;
            });
            assertThat(stalls.getMaxValue()).as("the virtual meter waited for a carrier")
                    .isGreaterThan(Duration.ofMillis(200).toNanos());
            assertThat(platform.interval().getMaxValue()).as("the platform meter was never kept waiting that long")
                    .isLessThan(Duration.ofMillis(200).toNanos());
        }
    }
}
