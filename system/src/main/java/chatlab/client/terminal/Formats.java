package chatlab.client.terminal;

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

    /** {@code Yoda, 127.0.0.1, 6666, active since 19 Feb 2021 21:30:04.} */
    static String activeUser(ActiveUser u) {
        return u.user() + ", " + u.address() + ", " + port(u.udpPort()) + ", active since " + u.since() + ".";
    }

    static String recentUser(RecentUser u) {
        return u.user() + ", last login " + u.lastLogin() + ", " + (u.online() ? "online" : "offline");
    }

    /** {@code 23 Feb 2021 15:00:01 [private] bob: hello} */
    static String chat(ServerMessage.Chat chat) {
        String kind = chat.mode() == Audience.UNICAST ? "private" : chat.mode().name().toLowerCase(java.util.Locale.ROOT);
        return chat.sentAt() + " [" + kind + "] " + chat.from() + ": " + chat.text();
    }

    static String presence(ServerMessage.Presence p) {
        return "* " + p.user() + (p.state() == chatlab.protocol.PresenceState.ONLINE ? " is online" : " went offline")
                + " (" + p.at() + ")";
    }

    private static String port(Integer udpPort) {
        return udpPort == null ? "-" : udpPort.toString();
    }
}
