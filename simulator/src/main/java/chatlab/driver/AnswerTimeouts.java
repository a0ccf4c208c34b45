package chatlab.driver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds the answers of every driver connection of the process in time, on one timer thread. A
 * timer set and cancelled per request with {@code CompletableFuture.orTimeout} woke the JDK's
 * timer thread twice per request, a cost the load generator then took from the server it shares
 * the machine with; here a request's timer wakes this thread only when it becomes the next one
 * due (rarely, as most timeouts equal those set before them) or when it fires.
 */
final class AnswerTimeouts {
    private static final ScheduledThreadPoolExecutor TIMER = create();

    private AnswerTimeouts() {
    }

    private static ScheduledThreadPoolExecutor create() {
        var timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("lab-driver-timeouts").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * Fails {@code answer} with a {@link TimeoutException} if it is not complete {@code timeout}
     * from now, as {@code orTimeout} does; its timer goes once it completes. Returns {@code answer}.
     */
    static <T> CompletableFuture<T> bound(CompletableFuture<T> answer, Duration timeout) {
        if (!answer.isDone()) {
            ScheduledFuture<?> timer = TIMER.schedule(
                    () -> answer.completeExceptionally(new TimeoutException("no answer within " + timeout)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
            answer.whenComplete((value, failure) -> timer.cancel(false));
        }
        return answer;
    }

    /** Timers set and neither fired nor cancelled, in the whole process. */
    static int pending() {
        return TIMER.getQueue().size();
    }
}
