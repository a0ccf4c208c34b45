package chatlab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.protocol.Audience;
import chatlab.protocol.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dispatcher's hold around a logout, with the listener slowed so that events queue up behind it. */
class EventDispatcherTest {
    private static ServerMessage.Chat chat(long seq) {
        return new ServerMessage.Chat(seq, seq, "alice", Audience.UNICAST, "m" + seq, "23 Feb 2021 15:00:00");
    }

    /** A listener that notes the seq of every chat passed on. */
    private static ChatListener recording(List<Long> passedOn) {
        return new ChatListener() {
            @Override
            public void onChat(ServerMessage.Chat chat) {
                passedOn.add(chat.seq());
            }
        };
    }

    @Test
    void aChatThatCameBeforeTheLogoutsAnswerStaysHeldBackEvenIfHandledAfterIt() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        List<Long> passedOn = new CopyOnWriteArrayList<>();
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        ChatListener listener = new ChatListener() {
            @Override
            public void onChat(ServerMessage.Chat chat) {
                passedOn.add(chat.seq());
                if (chat.seq() == 1) {
                    try {
                        slow.await(10, TimeUnit.SECONDS); // the application is busy with #1
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        EventDispatcher dispatcher = new EventDispatcher(listener, acknowledged::add, 0);
        try {
            dispatcher.accept(chat(1));
            var held = dispatcher.hold();      // logout begins
            dispatcher.accept(chat(2));        // pushed before the server saw the logout
            dispatcher.release();              // the logout's answer came: all of this before #1 is handled
            dispatcher.accept(chat(3));        // after the logout's answer (a new login, say)
            slow.countDown();

            held.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> passedOn.contains(3L));
            assertThat(passedOn).as("#2 is left for the next session, not passed on unacknowledged").containsExactly(1L, 3L);
            assertThat(acknowledged).as("#1 acknowledged before the logout went out").startsWith(1L);
        } finally {
            dispatcher.close();
        }
    }

    @Test
    void closeReturnsOnlyOnceWhatCameBeforeItWasHandled() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        EventDispatcher dispatcher = new EventDispatcher(new ChatListener() {
            @Override
            public void onChat(ServerMessage.Chat chat) {
                if (chat.seq() == 1) {
                    try {
                        slow.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }, seq -> { }, 0);
        dispatcher.accept(chat(1));
        dispatcher.accept(chat(2));
        long[] afterClose = {-1};
        Thread closer = Thread.ofPlatform().start(() -> {
            dispatcher.close();
            afterClose[0] = dispatcher.handledUpTo();
        });
        await("close waits while the listener is busy").atMost(Duration.ofSeconds(10))
                .until(() -> closer.getState() == Thread.State.TIMED_WAITING || closer.getState() == Thread.State.WAITING);
        slow.countDown();
        assertThat(closer.join(Duration.ofSeconds(10))).isTrue();
        assertThat(afterClose[0]).as("both chats queued before close were handled").isEqualTo(2);
    }

    @Test
    void aChatAlreadyHandledInAnEarlierSessionIsDropped() {
        List<Long> passedOn = new CopyOnWriteArrayList<>();
        EventDispatcher dispatcher = new EventDispatcher(recording(passedOn), seq -> { }, 5);
        try {
            dispatcher.accept(chat(5));
            dispatcher.accept(chat(6));
            await().atMost(Duration.ofSeconds(10)).until(() -> passedOn.contains(6L));
            assertThat(passedOn).containsExactly(6L);
            assertThat(dispatcher.handledUpTo()).isEqualTo(6);
        } finally {
            dispatcher.close();
        }
    }

    @Test
    void aSteadyStreamIsAcknowledgedOncePerIntervalAndALoneMessageAtOnce() throws Exception {
        List<Long> passedOn = new CopyOnWriteArrayList<>();
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        EventDispatcher dispatcher = new EventDispatcher(recording(passedOn), acknowledged::add, 0, Duration.ofHours(1));
        try {
            dispatcher.accept(chat(1));
            await("the first message after a quiet spell is acknowledged at once").atMost(Duration.ofSeconds(10))
                    .until(() -> acknowledged.contains(1L));
            dispatcher.accept(chat(2));
            dispatcher.accept(chat(3));
            await().atMost(Duration.ofSeconds(10)).until(() -> passedOn.contains(3L));
            assertThat(acknowledged).as("within the interval nothing more is acknowledged").containsExactly(1L);
            dispatcher.hold().get(10, TimeUnit.SECONDS);
            assertThat(acknowledged).as("a logout acknowledges what is left at once").containsExactly(1L, 3L);
        } finally {
            dispatcher.close();
        }
    }

    @Test
    void whatIsLeftIsAcknowledgedWhenTheIntervalEnds() {
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        EventDispatcher dispatcher = new EventDispatcher(new ChatListener() { }, acknowledged::add, 0,
                Duration.ofMillis(50));
        try {
            for (long seq = 1; seq <= 200; seq++) {
                dispatcher.accept(chat(seq));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.contains(200L));
            assertThat(acknowledged).isSorted().hasSizeLessThanOrEqualTo(200 / 64 + 2);
        } finally {
            dispatcher.close();
        }
    }
}
