package chatlab.client.terminal;

import chatlab.p2p.direct.DirectMessages;
import chatlab.protocol.ActiveUser;
import chatlab.protocol.Audience;
import chatlab.protocol.BoardEntry;
import chatlab.protocol.RecentUser;
import chatlab.protocol.ServerMessage;

/** How the terminal client prints what the server sends, in the Toom wording where Toom had one. */
final class Formats {
    private Formats() {
    }

    /** {@code #3, Obi-wan: Computer Network Rocks, edited at 23 Feb 2021 15:00:01.} */
    static String boardEntry(BoardEntry e) {
        return "#" + e.number() + ", " + e.user() + ": " + e.text() + ", " + (e.edited() ? "edited" : "posted")
                + " at " + e.timestamp() + ".";
    }

    /**
     * {@code Yoda, 127.0.0.1, 6666, active since 19 Feb 2021 21:30:04.}, with the user's status
     * before the stop when it is other than online: {@code ... 21:30:04 (away).}
     */
    static String activeUser(ActiveUser u) {
        boolean plain = u.status() == null || u.status() == chatlab.protocol.UserStatus.ONLINE;
        return u.user() + ", " + u.address() + ", " + port(u.udpPort()) + ", active since " + u.since()
                + (plain ? "" : " (" + u.status().wire() + ")") + ".";
    }

    static String recentUser(RecentUser u) {
        return u.user() + ", last login " + u.lastLogin() + ", " + (u.online() ? "online" : "offline");
    }

    /** {@code 23 Feb 2021 15:00:01 [private] bob: hello}; a group message names its group: {@code [team]}. */
    static String chat(ServerMessage.Chat chat) {
        return chatHead(chat) + chat.text();
    }

    /** A chat line up to its text: {@code 23 Feb 2021 15:00:01 [private] bob: }. */
    static String chatHead(ServerMessage.Chat chat) {
        String kind = chat.mode() == Audience.UNICAST ? "private" : chat.mode() == Audience.GROUP ? chat.group()
                : chat.mode().name().toLowerCase(java.util.Locale.ROOT);
        return chat.sentAt() + " [" + kind + "] " + chat.from() + ": ";
    }

    /** {@code * bob is away: lunch (23 Feb 2021 15:00:01)} */
    static String status(ServerMessage.Status s) {
        String what = switch (s.status()) {
            case ONLINE -> "is online";
            case AWAY -> "is away";
            case IDLE -> "is idle";
            case DND -> "does not want to be disturbed";
            case OFFLINE -> "appears offline";
        };
        return "* " + s.user() + " " + what + (s.text() == null ? "" : ": " + s.text()) + " (" + s.at() + ")";
    }

    /** {@code * bob joined team}; {@code * alice invited you to team: type 'group join team'} */
    static String groupChange(ServerMessage.GroupChanged c, String self) {
        return switch (c.change()) {
            case "invited" -> c.user().equals(self)
                    ? "* " + c.by() + " invited you to " + c.group() + ": type 'group join " + c.group() + "'"
                    : "* " + c.by() + " invited " + c.user() + " to " + c.group();
            case "joined" -> "* " + c.user() + " joined " + c.group();
            case "left" -> "* " + c.user() + " left " + c.group();
            default -> "* " + c.group() + ": " + c.user() + " " + c.change();
        };
    }

    static String presence(ServerMessage.Presence p) {
        return "* " + p.user() + (p.state() == chatlab.protocol.PresenceState.ONLINE ? " is online" : " went offline")
                + " (" + p.at() + ")";
    }

    private static String port(Integer udpPort) {
        return udpPort == null ? "-" : udpPort.toString();
    }

    /** How a direct message went, with where to go from there when nothing was sent. */
    static String outcome(DirectMessages.Outcome outcome) {
        return outcome instanceof DirectMessages.NotHeld ? outcome.describe() + " Start the client with --fallback "
                + "server to let the server hold such messages (it can read them)." : outcome.describe();
    }
}
