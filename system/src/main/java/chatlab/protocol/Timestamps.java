package chatlab.protocol;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one timestamp format of the protocol, {@code dd MMM yyyy HH:mm:ss} in English
 * ({@code 23 Feb 2021 15:00:01}), at second resolution, in the server's time zone.
 */
public final class Timestamps {
    public static final String PATTERN = "dd MMM yyyy HH:mm:ss";
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd MMM uuuu HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter PARSE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d MMM uuuu HH:mm:ss")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    public Timestamps(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public String format(Instant instant) {
        return FORMAT.format(instant.atZone(zone));
    }

    /** Parses a timestamp, or throws {@link ChatException} with {@link ErrorCode#INVALID_TIMESTAMP}. */
    public Instant parse(String text) {
        try {
            return LocalDateTime.parse(text.strip(), PARSE).atZone(zone).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ChatException(ErrorCode.INVALID_TIMESTAMP,
                    "Invalid timestamp '" + text + "': expected " + PATTERN + ", e.g. 23 Feb 2021 15:00:01");
        }
    }

    /** Drops the fraction of a second, since timestamps carry whole seconds. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
