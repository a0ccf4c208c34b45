package chatlab.sim;

import chatlab.client.ChatClient;
import chatlab.history.Event;
import chatlab.history.HistoryWriter;
import chatlab.history.Op;
import chatlab.history.RunClock;
import chatlab.history.Type;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.run.ExpectedFailures;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Records operations as simulated processes perform them: the invocation, then exactly one
 * completion. A refusal the server is sure of is a failure; a timeout or a lost connection
 * leaves the operation in doubt ({@code info}), since it may have taken effect.
 */
final class Operations {
    private static final Set<ErrorCode> IN_DOUBT = Set.of(ErrorCode.CONNECTION_LOST, ErrorCode.TIMEOUT);

    /** How an operation ended, and its result when it succeeded. */
    record Outcome<T>(Type type, T value, ChatException error) {
        boolean ok() {
            return type == Type.OK;
        }
    }

    private final HistoryWriter history;
    private final RunClock clock;
    private final LiveStats stats;
    private volatile java.util.function.Consumer<Event> observer = e -> { };

    Operations(HistoryWriter history, RunClock clock, LiveStats stats) {
        this.history = history;
        this.clock = clock;
        this.stats = stats;
    }

    /** Also hands every event recorded from now on to {@code value}, as the live count of deliveries in flight. */
    void observe(java.util.function.Consumer<Event> value) {
        observer = value;
    }

    private void append(Event event) {
        history.append(event);
        observer.accept(event);
    }

    RunClock clock() {
        return clock;
    }

    /** Stamps and records an invocation; returns it, to complete later. */
    Event invoke(Event invocation) {
        Event stamped = invocation.at(clock.micros());
        append(stamped);
        return stamped;
    }

    /** Records an event that is not an operation: a delivery, a lost connection, a fault. */
    void event(Event event) {
        append(event.at(clock.micros()));
    }

    /** Waits for {@code request} and records how it ended; {@code onOk} adds the result to the completion. */
    <T> Outcome<T> complete(Event invocation, CompletableFuture<T> request, BiFunction<Event, T, Event> onOk) {
        try {
            T value = ChatClient.await(request);
            append(onOk.apply(invocation.completed(clock.micros(), Type.OK), value));
            stats.ok.incrementAndGet();
            return new Outcome<>(Type.OK, value, null);
        } catch (ChatException e) {
            return failed(invocation, e);
        }
    }

    /** Runs an invocation that fails before it starts (no connection): in doubt or failed by its code. */
    <T> Outcome<T> failed(Event invocation, ChatException e) {
        Type type = IN_DOUBT.contains(e.code()) ? Type.INFO : Type.FAIL;
        Event.Failure failure = new Event.Failure(e.code().wire(), e.getMessage(), e.attemptsLeft(), e.retryAfterSeconds());
        append(invocation.completed(clock.micros(), type).withFailure(failure));
        if (type == Type.INFO) {
            stats.inDoubt.incrementAndGet();
        } else {
            stats.failed.incrementAndGet();
            if (!ExpectedFailures.expected(invocation, e.code().wire())) {
                stats.unexpected.incrementAndGet();
            }
        }
        return new Outcome<>(type, null, e);
    }

    /** Records a completion made by the caller (for outcomes that are not a protocol answer, such as a file transfer's). */
    void record(Event completion) {
        append(completion);
        switch (completion.type()) {
            case OK -> stats.ok.incrementAndGet();
            case INFO -> stats.inDoubt.incrementAndGet();
            default -> {
                stats.failed.incrementAndGet();
                if (completion.failure() == null || !ExpectedFailures.expected(completion, completion.failure().code())) {
                    stats.unexpected.incrementAndGet();
                }
            }
        }
    }

}
