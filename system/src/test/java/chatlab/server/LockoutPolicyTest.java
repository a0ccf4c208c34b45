package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockoutPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "4", "5", " 3 "})
    void acceptsOneToFive(String text) {
        assertThat(LockoutPolicy.parseMaxAttempts(text)).isBetween(1, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "-1", "abc", "2.5", "", "99999999999"})
    void refusesAnythingElseWithToomsMessage(String text) {
        assertThatThrownBy(() -> LockoutPolicy.parseMaxAttempts(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid number of allowed failed consecutive attempt: " + text
                        + ". The valid value of argument number is an integer between 1 and 5");
    }
}
