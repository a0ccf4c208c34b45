package chatlab.p2p.impair;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ({@code 20ms}), rates ({@code 10mbit}), sizes ({@code 64kb}) and peers
 * ({@code 127.0.0.1:6001}) as people write them.
 */
public final class Units {
    private static final Pattern NUMBER_UNIT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z/]*)");

    private Units() {
    }

    public static Duration duration(String text) {
        Matcher m = match(text, "a duration such as 20ms, 500us, 1s, 5m, 1h or 1d");
        double value = Double.parseDouble(m.group(1));
        double nanos = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ns" -> value;
            case "us", "µs" -> value * 1e3;
            case "ms", "" -> value * 1e6;
            case "s" -> value * 1e9;
            case "m", "min" -> value * 60e9;
            case "h" -> value * 3600e9;
            case "d" -> value * 86400e9;
            default -> throw new IllegalArgumentException("unknown time unit '" + m.group(2) + "'");
        };
        return Duration.ofNanos(Math.round(nanos));
    }

    /** A peer written {@code host:port}, port 1 to 65535, left unresolved. */
    public static java.net.InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        int port = -1;
        if (colon >= 1) {
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("expected IP:PORT with a port from 1 to 65535, not '" + text + "'");
        }
        return java.net.InetSocketAddress.createUnresolved(text.substring(0, colon), port);
    }

    public static long bitsPerSecond(String text, String key) {
        return Impairment.guard(key, text, () -> {
            Matcher m = match(text, "a rate such as 800kbit, 10mbit or 1gbit");
            double value = Double.parseDouble(m.group(1));
            double factor = switch (m.group(2).toLowerCase(Locale.ROOT).replace("/s", "").replace("ps", "")) {
                case "", "bit", "b" -> 1;
                case "kbit", "k" -> 1e3;
                case "mbit", "m" -> 1e6;
                case "gbit", "g" -> 1e9;
                default -> throw new IllegalArgumentException("unknown rate unit '" + m.group(2) + "'");
            };
            return Math.round(value * factor);
        });
    }

    public static long bytes(String text, String key) {
        return Impairment.guard(key, text, () -> {
            Matcher m = match(text, "a size such as 1500b, 64kb or 1mb");
            double value = Double.parseDouble(m.group(1));
            double factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "", "b" -> 1;
                case "kb", "k", "kib" -> 1024;
                case "mb", "m", "mib" -> 1024 * 1024;
                default -> throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "'");
            };
            return Math.round(value * factor);
        });
    }

    private static Matcher match(String text, String expected) {
        Matcher m = NUMBER_UNIT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + expected + ", not '" + text + "'");
        }
        return m;
    }

    /** A duration the way {@link #duration} reads it back. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000 == 0) {
            long seconds = nanos / 1_000_000_000;
            return seconds != 0 && seconds % 3600 == 0 ? seconds / 3600 + "h"
                    : seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        }
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        return nanos / 1_000 + "us";
    }
}
