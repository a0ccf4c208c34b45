package chatlab.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AnswerTimeoutsTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final Duration LATE = Duration.ofSeconds(5);

    @Test
    void anAnswerThatNeverComesFailsWithATimeoutNoSoonerThanTheTimeout() {
        long start = System.nanoTime();
        CompletableFuture<String> answer = AnswerTimeouts.bound(new CompletableFuture<>(), TIMEOUT);
        // a wait here longer than that throws a TimeoutException of its own, not an ExecutionException
        assertThatThrownBy(() -> answer.get(TIMEOUT.plus(LATE).toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void anAnswerInTimeIsKeptAndItsTimerGoes() {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(AnswerTimeouts.bound(new CompletableFuture<>(), Duration.ofHours(1)));
        }
        answers.forEach(a -> a.complete("ok"));
        assertThat(answers).allSatisfy(a -> assertThat(a).isCompletedWithValue("ok"));
        // other tests' timers may be set at the same time, but none of these hour-long ones stays
        await().atMost(LATE).until(() -> AnswerTimeouts.pending() < 100);
        assertThat(AnswerTimeouts.pending()).isLessThan(100);
    }

    @Test
    void anAnswerAlreadyCompleteSetsNoTimer() {
        CompletableFuture<String> done = CompletableFuture.completedFuture("ok");
        assertThat(AnswerTimeouts.bound(done, TIMEOUT)).isSameAs(done).isCompletedWithValue("ok");
    }
}
