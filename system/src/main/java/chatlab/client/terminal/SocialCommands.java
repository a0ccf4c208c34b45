package chatlab.client.terminal;

import chatlab.client.ChatClient;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.GroupInfo;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.StoredMessage;
import chatlab.protocol.TextFormat;
import chatlab.protocol.UserProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;

/**
 * The terminal client's commands for Compsys 302's web chat: profiles, statuses, named groups,
 * search, and whether what the user types is sent as markdown.
 */
final class SocialCommands {
    private final ChatClient client;
    private final Consumer<String> print;
    private final Consumer<ServerMessage.Chat> printChat;
    private volatile boolean markdown;
    /** The status the user chose; idle is set for them only over online. */
    private volatile chatlab.protocol.UserStatus chosen = chatlab.protocol.UserStatus.ONLINE;
    /** Whether the client set idle itself, and so sets online again when the user is back. */
    private volatile boolean autoIdle;

    SocialCommands(ChatClient client, Consumer<String> print, Consumer<ServerMessage.Chat> printChat) {
        this.client = client;
        this.print = print;
        this.printChat = printChat;
    }

    /** The format of what the user types: markdown after {@code markdown on}, else plain. */
    TextFormat format() {
        return markdown ? TextFormat.MARKDOWN : TextFormat.PLAIN;
    }

    void markdown(boolean on) {
        markdown = on;
        print.accept(on ? "What you type is sent as markdown: **bold**, *italics*, `code`, [links](https://example.org)."
                : "What you type is sent as plain text.");
    }

    void showProfile(String user) {
        UserProfile p = ChatClient.await(client.profile(user == null ? client.user() : user));
        print.accept(p.user() + (p.displayName() == null ? "" : " (" + p.displayName() + ")")
                + (p.status() == null ? ", offline" : ", " + p.status().wire()
                        + (p.statusText() == null ? "" : ": " + p.statusText())));
        if (p.about() != null) {
            p.about().lines().forEach(line -> print.accept("  " + line));
        }
        if (p.avatarType() != null) {
            print.accept("  avatar: " + p.avatarType() + ", " + TransferDisplay.size(p.avatarBytes()));
        }
        if (p.displayName() == null && p.about() == null && p.avatarType() == null) {
            print.accept("  no profile yet" + (p.user().equals(client.user())
                    ? ": set one with 'profile name <text>' and 'profile about <text>'" : ""));
        }
    }

    void setProfile(String displayName, String about) {
        ChatClient.await(client.setProfile(displayName, about));
        print.accept(displayName != null ? "Your display name is now '" + displayName + "'."
                : "Your about text is now '" + about + "'.");
    }

    void setAvatar(java.nio.file.Path image) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "Cannot read " + image + ": " + e.getMessage());
        }
        UserProfile p = ChatClient.await(client.setAvatar(bytes)).profile();
        print.accept("Your avatar is now " + image.getFileName() + " (" + p.avatarType() + ", "
                + TransferDisplay.size(p.avatarBytes()) + ").");
    }

    void setStatus(chatlab.protocol.UserStatus status, String note) {
        print.accept(ChatClient.await(client.setStatus(status, note)).message());
        chosen = status;
        autoIdle = false;
    }

    /** The user typed nothing for a while: idle, unless they chose a status other than online. */
    void idle() {
        if (chosen == chatlab.protocol.UserStatus.ONLINE && !autoIdle) {
            ChatClient.await(client.setStatus(chatlab.protocol.UserStatus.IDLE, null));
            autoIdle = true;
        }
    }

    /** The user typed again: online again, if the client had set idle. */
    void active() {
        if (autoIdle) {
            autoIdle = false;
            ChatClient.await(client.setStatus(chatlab.protocol.UserStatus.ONLINE, null));
        }
    }

    void group(Command.Group command) {
        String g = command.group();
        switch (command.action()) {
            case CREATE -> print.accept(ChatClient.await(client.createGroup(g, null, false)).message());
            case OPEN -> print.accept(ChatClient.await(client.createGroup(g, null, true)).message());
            case INVITE -> print.accept(ChatClient.await(client.invite(g, command.user())).message());
            case JOIN -> print.accept(ChatClient.await(client.join(g)).message());
            case LEAVE -> print.accept(ChatClient.await(client.leave(g)).message());
            case MEMBERS -> print.accept(g + ": " + String.join(", ", ChatClient.await(client.members(g)).stream()
                    .map(chatlab.protocol.GroupMember::user).toList()));
            case HISTORY -> {
                List<StoredMessage> page = ChatClient.await(client.history(g, null)).messages();
                if (page.isEmpty()) {
                    print.accept("no message in " + g + " yet");
                }
                page.reversed().forEach(this::printStored);
            }
            case LIST -> {
                List<GroupInfo> groups = ChatClient.await(client.groups());
                if (groups.isEmpty()) {
                    print.accept("no group yet: create one with 'group create <name>' or 'group open <name>'");
                }
                groups.forEach(info -> print.accept(info.name() + ", " + info.members()
                        + (info.members() == 1 ? " member" : " members") + (info.open() ? ", open" : ", by invitation")
                        + (info.member() ? ", you are in it" : "") + (info.about() == null ? "" : ": " + info.about())));
            }
        }
    }

    void groupSend(String group, String text) {
        print.accept(ChatClient.await(client.sendToGroup(group, text, format(), null)).message());
    }

    void search(boolean users, String query) {
        if (users) {
            ServerMessage.Users found = ChatClient.await(client.searchUsers(query, null));
            if (found.users().isEmpty()) {
                print.accept(found.message());
            }
            found.users().forEach(p -> print.accept(p.user() + (p.displayName() == null ? "" : " (" + p.displayName() + ")")
                    + (p.about() == null ? "" : ": " + p.about().lines().findFirst().orElse(""))));
            return;
        }
        ServerMessage.Messages found = ChatClient.await(client.searchMessages(query, null));
        if (found.messages().isEmpty()) {
            print.accept(found.message());
        }
        for (StoredMessage m : found.messages()) {
            String where = m.mode().equals("board") ? "board #" + m.number() : m.group() != null ? m.group()
                    : m.mode().equals("unicast") ? "private" : m.mode();
            print.accept(m.sentAt() + " [" + where + "] " + m.from() + ": " + m.snippet());
        }
        if (found.next() != null) {
            print.accept("(more results: narrow the search with more words)");
        }
    }

    private void printStored(StoredMessage m) {
        printChat.accept(new ServerMessage.Chat(0, m.messageId(), m.from(), chatlab.protocol.Audience.GROUP, m.text(),
                m.sentAt(), m.group(), m.format(), null));
    }
}
