package chatlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepTest {

    @Test
    void valuesAreSplitAtTopLevelCommasOnly() {
        Sweep s = Sweep.parse("groups.a.think = 50ms, {uniform: [1s, 2s]}, [3, 4] ,10ms");
        assertThat(s.path()).isEqualTo("groups.a.think");
        assertThat(s.values()).containsExactly("50ms", "{uniform: [1s, 2s]}", "[3, 4]", "10ms");
        assertThat(s.override(1)).isEqualTo("groups.a.think={uniform: [1s, 2s]}");
        assertThat(Sweep.stepFolder(0)).isEqualTo("step-1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "50ms,25ms                | --sweep takes PATH=V1,V2,...",
        "groups.a.think=50ms      | --sweep needs at least two values",
        "groups.a.think=50ms,,1ms | --sweep has an empty value",
        "groups.a.think=5ms,5ms   | --sweep repeats a value"})
    void aBadSweepIsExplained(String text, String message) {
        assertThatThrownBy(() -> Sweep.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void aSweepHasAtMostTwentySteps() {
        String values = String.join(",", java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> i + "ms").toList());
        assertThatThrownBy(() -> Sweep.parse("groups.a.think=" + values)).hasMessage("--sweep takes at most 20 values, not 21");
        assertThat(Sweep.parse("groups.a.think=" + values.substring(0, values.lastIndexOf(','))).values()).hasSize(20);
    }
}
