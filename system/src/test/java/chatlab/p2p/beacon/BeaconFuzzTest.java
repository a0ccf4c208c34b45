package chatlab.p2p.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.protocol.BlueTraceTimes;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.time.ZoneId;

/**
 * The beacon parser, which reads whatever arrives on a phone's UDP port: a beacon, which encodes
 * back to the same bytes, or a {@link BeaconException} with its reason.
 */
class BeaconFuzzTest {
    private static final BlueTraceTimes TIMES = new BlueTraceTimes(ZoneId.of("Australia/Sydney"));

    @FuzzTest(maxDuration = "20s")
    void bytesFromAnyoneAreABeaconOrRefused(byte[] bytes) {
        Beacon beacon;
        try {
            beacon = Beacon.decode(ByteBuffer.wrap(bytes), TIMES);
        } catch (BeaconException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(beacon.encode()).isEqualTo(bytes);
        assertThat(TIMES.parse(beacon.start())).isBeforeOrEqualTo(TIMES.parse(beacon.expiry()));
    }
}
