package chatlab.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidityTest {
    private static Verdict verdict(Validity validity) {
        return new Verdict("c", validity, "s", Map.of(), List.of());
    }

    @Test
    void invalidBeatsUnknownBeatsValidInEitherOrder() {
        assertThat(Validity.INVALID.and(Validity.UNKNOWN)).isEqualTo(Validity.INVALID);
        assertThat(Validity.UNKNOWN.and(Validity.INVALID)).isEqualTo(Validity.INVALID);
        assertThat(Validity.UNKNOWN.and(Validity.VALID)).isEqualTo(Validity.UNKNOWN);
        assertThat(Validity.VALID.and(Validity.UNKNOWN)).isEqualTo(Validity.UNKNOWN);
        assertThat(Validity.VALID.and(Validity.INVALID)).isEqualTo(Validity.INVALID);
        assertThat(Validity.VALID.and(Validity.VALID)).isEqualTo(Validity.VALID);
    }

    @Test
    void verdictsCombineToTheWorst() {
        assertThat(Validity.of(List.of())).isEqualTo(Validity.VALID);
        assertThat(Validity.of(List.of(verdict(Validity.VALID), verdict(Validity.UNKNOWN)))).isEqualTo(Validity.UNKNOWN);
        assertThat(Validity.of(List.of(verdict(Validity.INVALID), verdict(Validity.UNKNOWN), verdict(Validity.VALID))))
                .isEqualTo(Validity.INVALID);
        assertThat(Validity.of(List.of(verdict(Validity.UNKNOWN), verdict(Validity.INVALID)))).isEqualTo(Validity.INVALID);
    }

    @Test
    void theWireNamesRoundTrip() {
        for (Validity v : Validity.values()) {
            assertThat(Validity.of(v.wire())).isEqualTo(v);
        }
    }
}
