package chatlab.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.history.Event;
import chatlab.workload.FaultWindow;
import chatlab.workload.ServerCrash;
import chatlab.workload.ServerPause;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class NemesisTest {
    /** A server whose kill fails, as a process that cannot be signalled would; pauses work. */
    private static final class Server implements ServerControl {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void kill() {
            calls.add("kill");
            throw new IllegalStateException("kill -9 failed: no such process");
        }

        @Override
        public void restart() {
            calls.add("restart");
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }
    }

    @Test
    void aFaultThatCannotBePlayedIsRecordedWithItsReasonAndTheScheduleGoesOn() throws Exception {
        Server server = new Server();
        List<Event> history = new CopyOnWriteArrayList<>();
        List<FaultWindow> windows = List.of(
                new FaultWindow(0, new ServerCrash(), List.of(), Duration.ZERO, Duration.ofMillis(50)),
                new FaultWindow(1, new ServerPause(), List.of(), Duration.ofMillis(100), Duration.ofMillis(150)));
        Nemesis nemesis = new Nemesis(windows, Map.of(), server, System.nanoTime(), history::add, proxy -> true);
        Thread playing = Thread.ofPlatform().start(nemesis);
        assertThat(playing.join(Duration.ofSeconds(10))).as("the schedule ran to its end").isTrue();
        nemesis.healAll();

        assertThat(history).extracting(e -> e.fault().id() + " " + e.fault().phase())
                .containsExactly("0 start", "0 error", "0 stop", "1 start", "1 stop");
        assertThat(history.get(1).fault().description()).contains("could not start", "no such process");
        assertThat(history).filteredOn(e -> !e.fault().phase().equals("error"))
                .allSatisfy(e -> assertThat(e.fault().lateMs()).isNotNull().isNotNegative());
        assertThat(server.calls).containsExactly("kill", "pause", "resume");
    }
}
