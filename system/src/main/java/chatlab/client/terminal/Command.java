package chatlab.client.terminal;

import chatlab.protocol.Audience;
import java.time.Duration;
import java.util.List;

/** A parsed line of the terminal client. */
sealed interface Command {
    record Post(String text) implements Command {
    }

    record Edit(int number, String timestamp, String text) implements Command {
    }

    record Delete(int number, String timestamp) implements Command {
    }

    record Read(String since) implements Command {
    }

    record Who() implements Command {
    }

    record Logout() implements Command {
    }

    /** Any chat message: the names are the recipients, or for a blockcast those left out. */
    record Send(Audience mode, List<String> names, String text) implements Command {
    }

    /** A file for peers: the names are the recipients, or for a blockcast those left out. */
    record SendFile(Audience mode, List<String> names, java.nio.file.Path file) implements Command {
    }

    record DownloadTempId() implements Command {
    }

    record Beacon(String host, int port) implements Command {
    }

    record UploadContactLog() implements Command {
    }

    /** Beacons the peers every interval; no peers means stop. */
    record AutoBeacon(List<java.net.InetSocketAddress> peers, Duration every) implements Command {
    }

    record ContactLog() implements Command {
    }

    record WhoElseSince(Duration period) implements Command {
    }

    record Block(String user) implements Command {
    }

    record Unblock(String user) implements Command {
    }

    record UserLog() implements Command {
    }

    record MessageLog() implements Command {
    }

    /** Shows a profile: the user's, or one's own when null. */
    record ShowProfile(String user) implements Command {
    }

    /** Changes one's profile: a null field stays as it was. */
    record SetProfile(String displayName, String about) implements Command {
    }

    record SetAvatar(java.nio.file.Path image) implements Command {
    }

    record SetStatus(chatlab.protocol.UserStatus status, String note) implements Command {
    }

    /** A group action; {@code group} is null for {@code list}, {@code user} set for {@code invite}. */
    record Group(GroupAction action, String group, String user) implements Command {
    }

    enum GroupAction {
        CREATE, OPEN, INVITE, JOIN, LEAVE, MEMBERS, HISTORY, LIST
    }

    /** A direct message to a user's client, sealed end to end. */
    record Direct(String user, String text) implements Command {
    }

    record GroupSend(String group, String text) implements Command {
    }

    /** Searches messages, or the user directory when {@code users}. */
    record Search(boolean users, String query) implements Command {
    }

    record Markdown(boolean on) implements Command {
    }

    record Kick(String user) implements Command {
    }

    record Ping() implements Command {
    }

    record Reconnect() implements Command {
    }

    /** Help on every command, or on one when {@code verb} is not null. */
    record Help(Verb verb) implements Command {
    }

    /** A line that is not a valid command, and what to tell the user. */
    record Invalid(String message) implements Command {
    }

    /** A line whose first word names no command; the wording of the answer is the profile's. */
    record Unknown(String word) implements Command {
    }
}
