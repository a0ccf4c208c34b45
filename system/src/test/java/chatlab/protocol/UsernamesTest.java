package chatlab.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Yoda", "+61410666666", "obi-wan", "han.solo", "R2_D2", "a", "0day",
            "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsNamesAndPhoneNumbers(String name) {
        assertThat(Usernames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "-dash", "_under", ".dot", "emoji😀", "tab\t",
            "abcdefghijklmnopqrstuvwxyz0123456", "semi;colon", "comma,name"})
    void refusesTheRest(String name) {
        assertThat(Usernames.isValid(name)).isFalse();
    }
}
