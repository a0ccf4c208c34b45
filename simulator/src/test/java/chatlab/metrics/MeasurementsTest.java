package chatlab.metrics;

import chatlab.history.Op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import chatlab.history.Event;
import chatlab.history.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementsTest {
    private static final long S = 1_000_000;
    private final List<Event> history = new ArrayList<>();

    private void add(long t, String p, Type type, Op f, String u) {
        history.add(Event.of(t, p, type, f, u));
    }

    private void op(long start, long end, String p, Op f, String u, Type outcome, String code) {
        add(start, p, Type.INVOKE, f, u);
        Event done = Event.of(end, p, outcome, f, u);
        history.add(code == null ? done : done.withFailure(new Event.Failure(code, code, null, null)));
    }

    private void send(long start, long end, String u, String tok) {
        history.add(Event.of(start, u, Type.INVOKE, Op.SEND, u).withChat(new Event.Chat("unicast", List.of(), List.of(), tok,
                null, null, null, null)));
        history.add(Event.of(end, u, Type.OK, Op.SEND, u));
    }

    private void deliver(long t, String u, String tok) {
        history.add(Event.of(t, u, Type.EVENT, Op.DELIVER, u).withDelivery(new Event.Delivery("a", 1, 1, tok, "unicast")));
    }

    private Measurements measure() {
        return measure(0);
    }

    private Measurements measure(long measureFrom) {
        return Measurements.of(history, 0, measureFrom, 10 * S, 12 * S, (op, code) -> code.equals("wrong_password"));
    }

    @Test
    void latenciesCountFromTheRequestOrFromWhenTheSessionWasDue() {
        op(0, 20_000, "a", Op.LOGIN, "a", Type.OK, null);
        history.add(Event.of(1 * S, "b", Type.INVOKE, Op.LOGIN, "b").withDue(500_000L));
        history.add(Event.of(1 * S + 10_000, "b", Type.OK, Op.LOGIN, "b"));
        Measurements m = measure();
        LatencySummary login = m.summaries().get("login");
        assertThat(login.count()).isEqualTo(2);
        assertThat(login.max()).as("measured from when it was due, not when it began").isCloseTo(510, within(1.0));
    }

    @Test
    void deliveriesToOnlineAndOfflineRecipientsAreMeasuredApart() {
        op(0, 10_000, "a", Op.LOGIN, "a", Type.OK, null);
        op(0, 10_000, "b", Op.LOGIN, "b", Type.OK, null);
        send(1 * S, 1 * S + 5_000, "a", "a#1");
        deliver(1 * S + 7_000, "b", "a#1");
        op(2 * S, 2 * S + 1_000, "b", Op.LOGOUT, "b", Type.OK, null);
        send(3 * S, 3 * S + 5_000, "a", "a#2");
        op(6 * S, 6 * S + 10_000, "b", Op.LOGIN, "b", Type.OK, null);
        deliver(6 * S + 11_000, "b", "a#2");
        Measurements m = measure();
        assertThat(m.summaries().get("deliver").count()).isEqualTo(1);
        assertThat(m.summaries().get("deliver").max()).isCloseTo(7, within(0.1));
        assertThat(m.summaries().get("offline").count()).isEqualTo(1);
        assertThat(m.summaries().get("offline").max()).isCloseTo(3011, within(3.0));
        assertThat(m.series().deliveries()[1]).isEqualTo(1);
        assertThat(m.series().online()).startsWith(2, 2, 1, 1, 1, 1, 2);
    }

    @Test
    void failuresAreSplitIntoExpectedUnexpectedAndInDoubt() {
        op(1 * S, 1 * S + 1, "x", Op.LOGIN, "v", Type.FAIL, "wrong_password");
        op(2 * S, 2 * S + 1, "y", Op.POST, "y", Type.FAIL, "internal");
        op(3 * S, 3 * S + 1, "z", Op.SEND, "z", Type.INFO, "timeout");
        op(4 * S, 4 * S + 1, "z", Op.WHO, "z", Type.OK, null);
        Results.Errors e = measure().errors();
        assertThat(e.failed()).isEqualTo(2);
        assertThat(e.unexpected()).isEqualTo(1);
        assertThat(e.inDoubt()).isEqualTo(1);
        assertThat(e.rate()).isEqualTo(0.25);
        assertThat(e.byCode()).containsEntry("wrong_password", 1L).containsEntry("internal", 1L).containsEntry("timeout", 1L);
    }

    @Test
    void faultsBecomeSpansInSecondsSinceTheLoadBegan() {
        history.add(Event.of(2 * S, Event.NEMESIS, Type.EVENT, Op.FAULT, null).withFault(new Event.Fault(0, "partition",
                List.of("g"), "start", "partition of g")));
        history.add(Event.of(5 * S, Event.NEMESIS, Type.EVENT, Op.FAULT, null).withFault(new Event.Fault(0, "partition",
                List.of("g"), "stop", "partition of g")));
        assertThat(measure().series().faults()).containsExactly(new Series.FaultSpan(0, "partition", "partition of g", 2.0, 5.0));
    }

    @Test
    void throughputCountsOnlyTheLoad() {
        op(-5 * S, -5 * S + 1, "setup", Op.BLOCK, "a", Type.OK, null);
        op(1 * S, 1 * S + 1, "a", Op.WHO, "a", Type.OK, null);
        op(11 * S, 11 * S + 1, "a", Op.WHO, "a", Type.OK, null);
        Results.Throughput t = measure().throughput();
        assertThat(t.ops()).isEqualTo(1);
        assertThat(t.opsPerSecond()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void theWarmUpIsChartedButLeftOutOfTheTotals() {
        op(0, 10_000, "a", Op.LOGIN, "a", Type.OK, null);
        op(0, 10_000, "b", Op.LOGIN, "b", Type.OK, null);
        send(1 * S, 1 * S + 900_000, "a", "a#1"); // slow while cold
        deliver(1 * S + 950_000, "b", "a#1");
        send(5 * S, 5 * S + 5_000, "a", "a#2");
        deliver(5 * S + 6_000, "b", "a#2");
        Measurements m = measure(4 * S);
        assertThat(m.summaries().get("send").count()).isEqualTo(1);
        assertThat(m.summaries().get("send").max()).isCloseTo(5, within(0.1));
        assertThat(m.summaries().get("deliver").count()).isEqualTo(1);
        assertThat(m.summaries().get("login").count()).as("logins in the warm-up").isZero();
        assertThat(m.throughput().ops()).isEqualTo(1);
        assertThat(m.throughput().deliveries()).isEqualTo(1);
        assertThat(m.throughput().opsPerSecond()).as("over the 6 s after the warm-up").isCloseTo(1 / 6.0, within(1e-9));
        assertThat(m.series().p99().get("send")[1]).as("the series keeps the warm-up").isCloseTo(900, within(1.0));
        assertThat(m.series().warmUpSeconds()).isEqualTo(4.0);
    }

    @Test
    void aWarmUpMustEndWithinTheLoad() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> measure(10 * S))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
