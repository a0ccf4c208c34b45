package chatlab.p2p.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Within a long burst a receiver acknowledges every quarter window, at most every 256 segments, and at least every segment. */
class AckPacingTest {
    @ParameterizedTest
    @CsvSource({"1,1", "4,1", "7,1", "8,2", "16,4", "64,16", "256,64", "1024,256", "4096,256", "65536,256"})
    void aQuarterWindowBetweenOneAnd256(int window, int every) {
        assertThat(FileReceiver.ackEvery(window)).isEqualTo(every);
    }
}
