package chatlab.p2p.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Within a long burst a receiver acknowledges every half window, at most every 256 segments, and at least every segment. */
class AckPacingTest {
    @ParameterizedTest
    @CsvSource({"1,1", "2,1", "3,1", "4,2", "16,8", "64,32", "256,128", "512,256", "1024,256", "65536,256"})
    void aHalfWindowBetweenOneAnd256(int window, int every) {
        assertThat(FileReceiver.ackEvery(window)).isEqualTo(every);
    }
}
