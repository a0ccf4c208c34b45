package chatlab.p2p.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImpairmentTest {
    @Test
    void parsesTheClientFlag() {
        Impairment i = Impairment.parse("loss=0.05,delay=20ms,jitter=5ms");
        assertThat(i.loss()).isEqualTo(0.05);
        assertThat(i.delay()).isEqualTo(Duration.ofMillis(20));
        assertThat(i.jitter()).isEqualTo(Duration.ofMillis(5));
        assertThat(i.isNone()).isFalse();
    }

    @Test
    void parsesEveryKey() {
        Impairment i = Impairment.parse("loss=5%, dup=0.01, reorder=0.02, corrupt=0.001, rate=10mbit, queue=64kb, delay=1.5s, burst=0.01/0.3/0.8");
        assertThat(i.loss()).isEqualTo(0.05);
        assertThat(i.rateBitsPerSecond()).isEqualTo(10_000_000);
        assertThat(i.queueBytes()).isEqualTo(65_536);
        assertThat(i.delay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(i.burst()).isEqualTo(new GilbertElliottLoss.Spec(0.01, 0.3, 0.8, 0));
        assertThat(Impairment.parse(i.toString())).isEqualTo(i);
    }

    @Test
    void nothingIsNone() {
        assertThat(Impairment.parse("").isNone()).isTrue();
        assertThat(Impairment.parse("none").isNone()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "loss=2            | loss must be a probability",
            "lossy=0.1         | unknown key 'lossy'",
            "delay=fast        | invalid impairment delay=fast",
            "delay=5parsecs    | unknown time unit",
            "rate=10furlongs   | unknown rate unit",
            "loss              | expected key=value",
            "burst=0.1/0.2     | expected P/R/BAD",
    })
    void namesWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Impairment.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
