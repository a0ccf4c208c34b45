package chatlab.client.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The commands of the terminal client: the Toom seed names (MSG, EDT, DLT, RDM, ATU, OUT),
 * readable lowercase aliases, the CS425 commands, and CSC573's ({@code getusers},
 * {@code mbroadcast}, {@code municast}, {@code fmulticast}…). Names match in any case.
 */
public enum Verb {
    POST("MSG", "<message>", "post a message to the board", "post"),
    EDIT("EDT", "<number> <timestamp> <message>", "edit your own board message", "edit"),
    DELETE("DLT", "<number> <timestamp>", "delete your own board message; later ones are renumbered", "delete"),
    READ("RDM", "<timestamp>", "read the board messages posted or edited after the timestamp", "read"),
    WHO("ATU", "", "list the other active users", "who", "whoelse", "getusers"),
    LOGOUT("OUT", "", "log out and quit", "logout", "quit", "exit"),
    SEND(null, "<user> <message>", "send a private message", "send", "private", "municast"),
    MULTICAST(null, "<user,user,...> <message>", "send a message to the listed users", "multicast", "mmulticast"),
    BROADCAST(null, "<message>", "send a message to every other user", "broadcast", "mbroadcast"),
    BLOCKCAST(null, "<user,user,...> <message>", "send a message to everyone except the listed users", "blockcast",
            "mblockcast"),
    SEND_FILE("UPD", "<user> <file>", "send a file to a user, peer to peer over UDP", "sendfile", "funicast"),
    MULTICAST_FILE(null, "<user,user,...> <file>", "send a file to the listed users", "multicastfile",
            "fmulticast"),
    BROADCAST_FILE(null, "<file>", "send a file to every other user online", "broadcastfile",
            "fbroadcast"),
    BLOCKCAST_FILE(null, "<user,user,...> <file>", "send a file to everyone online except the listed users",
            "blockcastfile", "fblockcast"),
    DOWNLOAD_TEMP_ID("Download_tempID", "", "get a fresh temporary ID for contact tracing", "tempid"),
    BEACON("Beacon", "<ip> <port>", "send your temporary ID to a peer's UDP port, as a beacon"),
    UPLOAD_CONTACT_LOG("Upload_contact_log", "", "upload your contact log and see whom you met", "upload"),
    AUTO_BEACON(null, "<ip:port,...> <interval> | off", "beacon peers at an interval, e.g. 10s; or stop",
            "autobeacon"),
    CONTACT_LOG(null, "", "show your contact log (beacons heard in the last few minutes)", "contactlog"),
    WHO_ELSE_SINCE(null, "<duration>", "users who logged in within the duration (3600, 90m, 1h), online or not",
            "whoelse-since"),
    BLOCK(null, "<user>", "stop a user's messages from reaching you", "block"),
    UNBLOCK(null, "<user>", "let a blocked user's messages through again", "unblock"),
    USERLOG(null, "", "print the active-user log in the userlog.txt format", "userlog"),
    MESSAGELOG(null, "", "print the whole board in the messagelog.txt format", "messagelog"),
    PROFILE(null, "[user] | name <text> | about <text> | avatar <image file>",
            "show a profile (yours without a user), or change your display name, about text or avatar", "profile"),
    STATUS(null, "online|away|idle|dnd|offline [note]", "set your status, with an optional note; dnd: do not disturb",
            "status"),
    GROUP(null, "create|open|invite|join|leave|members|history|list [group] [user]",
            "named groups: create <g> (by invitation) or open <g> (anyone joins), invite <g> <user>, join <g>, "
                    + "leave <g>, members <g>, history <g>, list", "group"),
    GROUP_SEND(null, "<group> <message>", "send a message to the other members of a group", "gsend"),
    DIRECT(null, "<user> <message>", "send a message straight to a user's client over UDP, sealed end to end "
            + "(the server never sees it); if they are offline, other users' clients hold it for them, unable to read it "
            + "(--relays)", "dm"),
    SEARCH(null, "[users] <words>", "search the messages you may see (or the users) for words; word* is a prefix",
            "search"),
    MARKDOWN(null, "on|off", "send what you type as markdown, which clients render (bold, code, links...)",
            "markdown"),
    KICK(null, "<user>", "vote to kick a user out of the room; enough votes from others remove them", "kick"),
    PING(null, "", "measure the round trip to the server", "ping"),
    RECONNECT(null, "", "reconnect after a lost connection and log in again", "reconnect"),
    HELP(null, "[command]", "show the commands, or one command in full", "help", "?");

    private static final Map<String, Verb> BY_NAME = new TreeMap<>();

    static {
        for (Verb verb : values()) {
            for (String name : verb.names()) {
                BY_NAME.put(name.toLowerCase(Locale.ROOT), verb);
            }
        }
    }

    private final String seedName;
    private final String arguments;
    private final String summary;
    private final List<String> aliases;

    Verb(String seedName, String arguments, String summary, String... aliases) {
        this.seedName = seedName;
        this.arguments = arguments;
        this.summary = summary;
        this.aliases = List.of(aliases);
    }

    /** The Toom name (MSG, EDT…), or null for commands Toom did not have. */
    public String seedName() {
        return seedName;
    }

    public String summary() {
        return summary;
    }

    /** Every name of the command: the seed name first, then the aliases. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (seedName != null) {
            names.add(seedName);
        }
        names.addAll(aliases);
        return names;
    }

    /** How to use the command, under its first name. */
    public String usage() {
        String name = names().getFirst();
        return arguments.isEmpty() ? name : name + " " + arguments;
    }

    public static Optional<Verb> named(String word) {
        return Optional.ofNullable(BY_NAME.get(word.toLowerCase(Locale.ROOT)));
    }

    /** Every command name, for tab completion. */
    public static List<String> allNames() {
        List<String> names = new ArrayList<>();
        for (Verb verb : values()) {
            names.addAll(verb.names());
        }
        return names;
    }
}
