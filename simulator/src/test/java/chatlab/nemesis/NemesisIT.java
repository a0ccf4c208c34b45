package chatlab.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.history.Event;
import chatlab.net.NeedsToxiproxy;
import chatlab.net.ProxiedEndpoint;
import chatlab.net.Toxiproxies;
import chatlab.net.ToxiproxyEnvironment;
import chatlab.net.toxic.Direction;
import chatlab.net.toxic.Latency;
import chatlab.workload.FaultWindow;
import chatlab.workload.NetworkFault;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** On a real Toxiproxy: a proxy that stops forwarding after a toxic is removed is restarted, and the restart is recorded. */
class NemesisIT {
    @Test
    void aProxyThatNoLongerForwardsIsRestartedAndTheRestartIsAFaultInTheHistory() throws Exception {
        NeedsToxiproxy.assume();
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ToxiproxyEnvironment toxiproxy = Toxiproxies.locate(Toxiproxies.projectRoot(), 1)) {
            ProxiedEndpoint proxy = toxiproxy.proxy("nemesis-it", "127.0.0.1", upstream.getLocalPort());
            List<Event> history = new CopyOnWriteArrayList<>();
            AtomicInteger probes = new AtomicInteger();
            FaultWindow latency = new FaultWindow(0, new NetworkFault(new Latency(Duration.ofMillis(50), Duration.ZERO,
                    Direction.BOTH, 1.0)), List.of("g"), Duration.ZERO, Duration.ofMillis(100));
            // the first probe finds it wedged, as Toxiproxy left one under load; the restart mends it
            Nemesis nemesis = new Nemesis(List.of(latency), Map.of("g", proxy), ServerControl.NONE, System.nanoTime(),
                    history::add, p -> probes.incrementAndGet() > 1);
            Thread playing = Thread.ofPlatform().start(nemesis);
            assertThat(playing.join(Duration.ofSeconds(20))).isTrue();
            nemesis.healAll();

            assertThat(history).extracting(e -> e.fault().id() + " " + e.fault().kind() + " " + e.fault().phase())
                    .containsExactly("0 latency start", "0 latency stop", "1 proxy-restart start", "1 proxy-restart stop");
            assertThat(history.get(2).fault().description()).contains("proxy of g restarted");
            assertThat(proxy.proxy().isEnabled()).isTrue();
            assertThat(proxy.proxy().toxics().getAll()).isEmpty();
        }
    }
}
