package chatlab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
    private final Timestamps sydney = new Timestamps(ZoneId.of("Australia/Sydney"));

    @Test
    void formatsAsToomDoes() {
        Instant at = Instant.parse("2021-02-23T04:00:01Z");
        assertThat(sydney.format(at)).isEqualTo("23 Feb 2021 15:00:01");
        assertThat(sydney.parse("23 Feb 2021 15:00:01")).isEqualTo(at);
    }

    @Test
    void parsesASingleDigitDayAndAnyCaseOfMonth() {
        assertThat(sydney.parse("3 MAR 2021 09:05:00")).isEqualTo(sydney.parse("03 Mar 2021 09:05:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "31 Feb 2021 10:00:00", "23 Feb 2021 25:00:00", "23/02/2021 15:00:01",
            "23 Feb 2021"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> sydney.parse(text)).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TIMESTAMP));
    }
}
