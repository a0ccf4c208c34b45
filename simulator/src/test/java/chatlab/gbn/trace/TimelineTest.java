package chatlab.gbn.trace;

import static chatlab.gbn.trace.Traces.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.p2p.trace.Side;
import chatlab.p2p.trace.Trace;
import chatlab.p2p.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** Joining a trace into flights, the steps' panel state, and which part of a trace is shown. */
class TimelineTest {
    @Test
    void eachSendBecomesAFlightEndingInItsArrivalOrHalfWayForALoss() {
        Timeline t = Timeline.of(Traces.lossy(1), Timeline.Span.DEFAULT);
        assertThat(t.flights()).hasSize(4 + 3 + 3);
        Flight lost = t.flights().get(1);
        assertThat(lost.label()).isEqualTo("DATA 1");
        assertThat(lost.fate()).isEqualTo(Flight.Fate.LOST);
        assertThat(t.oneWayNanos(Side.SENDER)).isEqualTo(5 * MS);
        assertThat(lost.end()).as("half the one-way time after its send").isEqualTo(1 * MS + 5 * MS / 2);
        assertThat(t.flights()).filteredOn(f -> "DATA 2".equals(f.label()) && !f.retransmission()).singleElement()
                .satisfies(f -> {
                    assertThat(f.fate()).isEqualTo(Flight.Fate.DELIVERED);
                    assertThat(f.end()).isEqualTo(7 * MS);
                    assertThat(f.discarded()).isTrue();
                });
        assertThat(t.flights()).filteredOn(Flight::retransmission).extracting(Flight::label)
                .containsExactly("DATA 1", "DATA 2", "DATA 3");
        assertThat(t.flights()).filteredOn(f -> f.from() == Side.RECEIVER).extracting(Flight::label)
                .containsExactly("ACK 1", "ACK 1", "ACK 1");
        assertThat(t.flights()).allSatisfy(f -> assertThat(t.events().get(f.step())).isSameAs(f.send()));
    }

    @Test
    void theStepsCarryTheWindowAndTheCountsSoFar() {
        Timeline t = Timeline.of(Traces.lossy(1), Timeline.Span.DEFAULT);
        assertThat(t.steps()).hasSameSizeAs(t.events());
        Timeline.Step last = t.steps().getLast();
        assertThat(last.sent()).isEqualTo(7);
        assertThat(last.lost()).isEqualTo(1);
        assertThat(last.retransmitted()).isEqualTo(3);
        assertThat(last.timeouts()).isEqualTo(1);
        assertThat(last.acks()).isEqualTo(3);
        assertThat(last.rto()).as("the backoff's").isEqualTo(100 * MS);
        assertThat(last.base()).isEqualTo(1);
        assertThat(t.steps().getFirst().text()).isEqualTo("sender sends DATA 0");
        assertThat(t.steps()).extracting(Timeline.Step::text).contains("the link loses DATA 1",
                "timeout after 50.000 ms: 3 segment(s) from 1 go again", "the timer doubles: RTO 100.000 ms",
                "sender sends DATA 2 again (transmission 2)", "receiver throws DATA 2 away (a duplicate, or out of order)");
    }

    @Test
    void byDefaultItShowsSixtyDatagramsFromTheStart() {
        Timeline t = Timeline.of(Traces.stream(200, 30), Timeline.Span.DEFAULT);
        assertThat(t.from()).isZero();
        assertThat(t.flights()).hasSize(60);
        assertThat(t.to()).as("the last flight's arrival").isEqualTo(59 * MS + 5 * MS);
        assertThat(t.events()).as("arrivals after the span come with their datagrams")
                .anyMatch(e -> e.t() > 59 * MS && e.ev() == TraceEvent.Type.RECV);
        assertThat(t.events()).noneMatch(e -> e.ev() == TraceEvent.Type.SEND && e.t() > 59 * MS);
    }

    @Test
    void aLateFirstLossIsShownWithTheTwentyDatagramsBeforeIt() {
        Timeline t = Timeline.of(Traces.stream(200, 70), Timeline.Span.DEFAULT);
        assertThat(t.from()).isEqualTo(50 * MS);
        assertThat(t.flights()).hasSize(60).first().satisfies(f -> assertThat(f.label()).isEqualTo("DATA 50"));
        assertThat(t.flights().get(20).fate()).isEqualTo(Flight.Fate.LOST);
    }

    @Test
    void aTimeRangeOrACountChoosesAnotherPart() {
        Trace trace = Traces.stream(200, 70);
        assertThat(Timeline.of(trace, new Timeline.Span(100 * MS, 119 * MS, 60)).flights()).hasSize(20)
                .first().satisfies(f -> assertThat(f.label()).isEqualTo("DATA 100"));
        assertThat(Timeline.of(trace, new Timeline.Span(0L, null, 10)).flights()).hasSize(10);
        assertThatThrownBy(() -> new Timeline.Span(5L, 4L, 60)).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> new Timeline.Span(null, null, 0)).hasMessageContaining("at least 1");
    }
}
