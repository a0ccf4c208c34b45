package chatlab.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * BlueTrace's timestamps, {@code dd/MM/yyyy HH:mm:ss} (exactly 19 characters), used for
 * temporary IDs, beacons and contact logs, in the server's time zone.
 */
public final class BlueTraceTimes {
    public static final String PATTERN = "dd/MM/yyyy HH:mm:ss";
    public static final int LENGTH = 19;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    public BlueTraceTimes(ZoneId zone) {
        this.zone = zone;
    }

    public String format(Instant instant) {
        return FORMAT.format(instant.atZone(zone));
    }

    /** Parses a timestamp, or throws {@link ChatException} with {@link ErrorCode#INVALID_TIMESTAMP}. */
    public Instant parse(String text) {
        try {
            return LocalDateTime.parse(text, FORMAT).atZone(zone).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ChatException(ErrorCode.INVALID_TIMESTAMP,
                    "Invalid timestamp '" + text + "': expected " + PATTERN + ", e.g. 23/02/2021 15:00:01");
        }
    }
}
