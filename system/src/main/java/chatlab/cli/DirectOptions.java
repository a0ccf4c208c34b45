package chatlab.cli;

import chatlab.p2p.direct.DirectMessages;
import chatlab.p2p.impair.Units;
import chatlab.store.RelayStore;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * How a client sends direct messages to users who are offline, and holds them for others, as
 * every client's command line takes it (a picocli mixin): the terminal client and the web client.
 */
public final class DirectOptions {
    @Option(names = "--relays", paramLabel = "N", defaultValue = "3", description = "How many other online users' clients hold a direct message for a user who is offline, sealed so that they cannot read it (0 to 16; 0: none; default: ${DEFAULT-VALUE}).")
    private int relays;

    @Option(names = "--fallback", paramLabel = "server|none", defaultValue = "none", description = "What happens to a direct message for an offline user that no relay holds: none (you are told, nothing is sent) or server (it goes through the server's offline delivery, where the server can read it) (default: ${DEFAULT-VALUE}).")
    private String fallback;

    @Option(names = "--relay-hold", paramLabel = "DURATION", defaultValue = "1d", description = "How long relays are asked to hold your direct messages for an offline user, before they expire undelivered (default: ${DEFAULT-VALUE}; a relay may hold them for less).")
    private String relayHold;

    @Option(names = "--no-relaying", description = "Hold no direct messages for other users (they are refused with not_relaying).")
    private boolean noRelaying;

    /**
     * The direct-message settings from --relays, --fallback, --relay-hold and --no-relaying;
     * throws {@link IllegalArgumentException} naming the option for a value out of range.
     */
    public DirectMessages.Settings settings() {
        DirectMessages.Fallback fallbackValue = switch (fallback.toLowerCase(Locale.ROOT)) {
            case "server" -> DirectMessages.Fallback.SERVER;
            case "none" -> DirectMessages.Fallback.NONE;
            default -> throw new IllegalArgumentException("--fallback is server or none, not '" + fallback + "'");
        };
        int most = DirectMessages.Settings.MOST_RELAYS;
        if (relays < 0 || relays > most) {
            throw new IllegalArgumentException("--relays is 0 to " + most + ", not " + relays);
        }
        Duration hold;
        try {
            hold = Units.duration(relayHold);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--relay-hold: " + e.getMessage(), e);
        }
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("--relay-hold must be positive, not " + relayHold);
        }
        DirectMessages.Settings settings = DirectMessages.Settings.DEFAULT.withRelays(relays).withFallback(fallbackValue)
                .withHold(hold);
        return noRelaying ? settings.withLimits(new RelayStore.Limits(0, 0, 0, 0, Duration.ZERO)) : settings;
    }
}
