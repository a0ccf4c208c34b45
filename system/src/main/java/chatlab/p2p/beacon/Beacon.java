package chatlab.p2p.beacon;

import chatlab.protocol.BlueTraceTimes;
import chatlab.protocol.ChatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A BlueTrace beacon: one UDP datagram of exactly 59 ASCII bytes, the temporary ID (20 digits),
 * its start and expiry (19 bytes each, {@code dd/MM/yyyy HH:mm:ss}) and the protocol version
 * ({@code '1'}).
 */
public record Beacon(String tempId, String start, String expiry) {
    public static final int TEMP_ID_BYTES = 20;
    public static final int LENGTH = TEMP_ID_BYTES + 2 * BlueTraceTimes.LENGTH + 1;
    public static final byte VERSION = '1';

    public byte[] encode() {
        byte[] bytes = (tempId + start + expiry).getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != LENGTH - 1) {
            throw new IllegalStateException("a beacon's fields take " + (LENGTH - 1) + " bytes, not " + bytes.length);
        }
        byte[] beacon = java.util.Arrays.copyOf(bytes, LENGTH);
        beacon[LENGTH - 1] = VERSION;
        return beacon;
    }

    /** Decodes a beacon, checking its length, version, ID and timestamps; or says why not. */
    public static Beacon decode(ByteBuffer datagram, BlueTraceTimes times) throws BeaconException {
        int length = datagram.remaining();
        if (length < LENGTH) {
            throw new BeaconException(BeaconException.Reason.TRUNCATED, "truncated: " + length + " bytes, a beacon has " + LENGTH);
        }
        if (length > LENGTH) {
            throw new BeaconException(BeaconException.Reason.OVERSIZED, "oversized: " + length + " bytes, a beacon has " + LENGTH);
        }
        byte[] bytes = new byte[LENGTH];
        datagram.duplicate().get(bytes);
        if (bytes[LENGTH - 1] != VERSION) {
            throw new BeaconException(BeaconException.Reason.WRONG_VERSION, "version " + (char) (bytes[LENGTH - 1] & 0xFF)
                    + ", but this client speaks version 1");
        }
        String tempId = new String(bytes, 0, TEMP_ID_BYTES, StandardCharsets.US_ASCII);
        if (!tempId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BeaconException(BeaconException.Reason.MALFORMED, "malformed: the tempID is not 20 digits");
        }
        String start = new String(bytes, TEMP_ID_BYTES, BlueTraceTimes.LENGTH, StandardCharsets.US_ASCII);
        String expiry = new String(bytes, TEMP_ID_BYTES + BlueTraceTimes.LENGTH, BlueTraceTimes.LENGTH,
                StandardCharsets.US_ASCII);
        try {
            if (times.parse(start).isAfter(times.parse(expiry))) {
                throw new BeaconException(BeaconException.Reason.MALFORMED, "malformed: it starts after it expires");
            }
        } catch (ChatException e) {
            throw new BeaconException(BeaconException.Reason.MALFORMED, "malformed: " + e.getMessage());
        }
        return new Beacon(tempId, start, expiry);
    }

    /** Whether {@code now} lies in the beacon's window, both ends included. */
    public boolean validAt(java.time.Instant now, BlueTraceTimes times) {
        return !now.isBefore(times.parse(start)) && !now.isAfter(times.parse(expiry));
    }
}
