package chatlab.client;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one timer thread of every client in a process: the links' heartbeats and request timeouts,
 * and the event dispatchers' acknowledgement intervals. Each task only compares clocks or queues
 * an item, so one thread serves thousands of clients; a timer set per request or per event
 * instead woke the JDK's own timer thread for each (see docs/ARCHITECTURE.md).
 */
final class ClientTimer {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private ClientTimer() {
    }

    private static ScheduledThreadPoolExecutor create() {
        var timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("chatlab-client-timer").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
