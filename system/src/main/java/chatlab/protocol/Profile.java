package chatlab.protocol;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The personality a server runs with: chatlab's own, or one of the five seed systems it unites,
 * each as its own document says (start-up form, defaults, files, wording). The server names its
 * profile in {@code welcome}, so a client can follow its wording without being told twice.
 */
public enum Profile {
    CHATLAB("chatlab's own behaviour and friendlier texts"),
    TOOM("COMP3331 21T1 Toom: server PORT ATTEMPTS, credentials.txt, userlog.txt and messagelog.txt"),
    BLUETRACE("COMP3331 20T2 BlueTrace: server PORT BLOCK_DURATION, credentials.txt, tempIDs.txt"),
    CS425("CS425 chat server: -host IP -port PORT, signup, 3 failures block for 60 s"),
    CSC573("CSC573 chat room: server IP PORT PASSWORD, client IP PORT PASSWORD"),
    COMPSYS302("Compsys 302 web chat");

    private final String summary;

    Profile(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }

    /** The name on the wire and on the command line: {@code toom}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The profile of a name in any case; null for null; a clear error listing the names otherwise. */
    public static Profile parse(String name) {
        if (name == null) {
            return null;
        }
        for (Profile profile : values()) {
            if (profile.wire().equalsIgnoreCase(name.strip())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "': use one of "
                + Arrays.stream(values()).map(Profile::wire).collect(Collectors.joining(", ")));
    }

    /** The server's TCP port unless one is given: CS425's server listened on 2000, chatlab's on 4242. */
    public int defaultPort() {
        return this == CS425 ? 2000 : Protocol.DEFAULT_PORT;
    }

    /** What a successful login says: Toom's words, which chatlab kept; BlueTrace's own in its profile. */
    public String welcome() {
        return this == BLUETRACE ? "Welcome to the BlueTrace Simulator!" : "Welcome to TOOM!";
    }

    /** Whether this is one of the seed systems, whose exact wording the terminal client then follows. */
    public boolean seed() {
        return this != CHATLAB;
    }
}
