package chatlab.p2p.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.protocol.BlueTraceTimes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeaconTest {
    private final BlueTraceTimes times = new BlueTraceTimes(ZoneId.of("UTC"));
    private final Beacon beacon = new Beacon("12345678901234567890", "23/02/2021 15:00:00", "23/02/2021 15:14:59");

    private Beacon decode(byte[] bytes) throws BeaconException {
        return Beacon.decode(ByteBuffer.wrap(bytes), times);
    }

    private BeaconException.Reason rejection(byte[] bytes) {
        try {
            decode(bytes);
            throw new AssertionError("the datagram should have been rejected");
        } catch (BeaconException e) {
            return e.reason();
        }
    }

    @Test
    void isFiftyNineAsciiBytesAndRoundTrips() throws BeaconException {
        byte[] bytes = beacon.encode();
        assertThat(bytes).hasSize(59);
        assertThat(new String(bytes, StandardCharsets.US_ASCII))
                .isEqualTo("1234567890123456789023/02/2021 15:00:0023/02/2021 15:14:591");
        assertThat(decode(bytes)).isEqualTo(beacon);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2021-02-23T15:00:00Z, true", "2021-02-23T15:14:59Z, true", "2021-02-23T15:07:00Z, true",
            "2021-02-23T14:59:59Z, false", "2021-02-23T15:15:00Z, false"})
    void isValidFromItsStartToItsExpiryBothIncluded(Instant now, boolean valid) {
        assertThat(beacon.validAt(now, times)).isEqualTo(valid);
    }

    @Test
    void rejectsEveryMalformedShape() {
        byte[] good = beacon.encode();
        assertThat(rejection(java.util.Arrays.copyOf(good, 30))).isEqualTo(BeaconException.Reason.TRUNCATED);
        assertThat(rejection(new byte[0])).isEqualTo(BeaconException.Reason.TRUNCATED);
        assertThat(rejection(java.util.Arrays.copyOf(good, 60))).isEqualTo(BeaconException.Reason.OVERSIZED);
        byte[] future = good.clone();
        future[58] = '2';
        assertThat(rejection(future)).isEqualTo(BeaconException.Reason.WRONG_VERSION);
        byte[] letters = good.clone();
        letters[3] = 'x';
        assertThat(rejection(letters)).isEqualTo(BeaconException.Reason.MALFORMED);
        byte[] badDate = good.clone();
        badDate[20] = '3'; // 33/02/2021
        assertThat(rejection(badDate)).isEqualTo(BeaconException.Reason.MALFORMED);
        byte[] backwards = new Beacon("12345678901234567890", "23/02/2021 16:00:00", "23/02/2021 15:14:59").encode();
        assertThat(rejection(backwards)).isEqualTo(BeaconException.Reason.MALFORMED);
    }

    @Test
    void neverFailsOtherwiseOnRandomBytes() {
        Random random = new Random(1);
        for (int i = 0; i < 10_000; i++) {
            byte[] junk = new byte[random.nextInt(80)];
            random.nextBytes(junk);
            if (i % 2 == 0 && junk.length == 59) {
                junk[58] = '1';
            }
            try {
                decode(junk);
            } catch (BeaconException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void refusesToEncodeFieldsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Beacon("123", "23/02/2021 15:00:00", "23/02/2021 15:14:59").encode())
                .isInstanceOf(IllegalStateException.class);
    }
}
