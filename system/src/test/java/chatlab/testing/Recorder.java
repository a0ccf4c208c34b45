package chatlab.testing;

import static org.awaitility.Awaitility.await;

import chatlab.client.ChatListener;
import chatlab.protocol.ChatException;
import chatlab.protocol.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps everything the server pushed, for tests to wait on and inspect. */
public final class Recorder implements ChatListener {
    public static final Duration WAIT = Duration.ofSeconds(20);

    public final List<ServerMessage.Chat> chats = new CopyOnWriteArrayList<>();
    public final List<ServerMessage.Presence> presence = new CopyOnWriteArrayList<>();
    public final List<ServerMessage.Disconnect> disconnects = new CopyOnWriteArrayList<>();
    public final List<ServerMessage.Kicked> kicks = new CopyOnWriteArrayList<>();
    public final List<ServerMessage.Notice> notices = new CopyOnWriteArrayList<>();
    public final List<ChatException> losses = new CopyOnWriteArrayList<>();
    public final List<ServerMessage.IncomingFile> incomingFiles = new CopyOnWriteArrayList<>();
    public final List<ServerMessage.Status> statuses = new CopyOnWriteArrayList<>();
    public final List<ServerMessage.ProfileChanged> profiles = new CopyOnWriteArrayList<>();
    public final List<ServerMessage.GroupChanged> groups = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<ServerMessage.IncomingFile> onFile = file -> { };

    /** What to do with each file offered to this client, such as taking it. */
    public Recorder onIncomingFile(java.util.function.Consumer<ServerMessage.IncomingFile> action) {
        onFile = action;
        return this;
    }

    @Override
    public void onChat(ServerMessage.Chat chat) {
        chats.add(chat);
    }

    @Override
    public void onIncomingFile(ServerMessage.IncomingFile file) {
        incomingFiles.add(file);
        onFile.accept(file);
    }

    @Override
    public void onPresence(ServerMessage.Presence event) {
        presence.add(event);
    }

    @Override
    public void onStatus(ServerMessage.Status status) {
        statuses.add(status);
    }

    @Override
    public void onProfileChanged(ServerMessage.ProfileChanged changed) {
        profiles.add(changed);
    }

    @Override
    public void onGroupChanged(ServerMessage.GroupChanged changed) {
        groups.add(changed);
    }

    @Override
    public void onKicked(ServerMessage.Kicked kicked) {
        kicks.add(kicked);
    }

    @Override
    public void onNotice(ServerMessage.Notice notice) {
        notices.add(notice);
    }

    @Override
    public void onDisconnect(ServerMessage.Disconnect disconnect) {
        disconnects.add(disconnect);
    }

    @Override
    public void onConnectionLost(ChatException cause) {
        losses.add(cause);
    }

    /** Waits until at least {@code count} chat messages arrived, and returns them all. */
    public List<ServerMessage.Chat> awaitChats(int count) {
        await().atMost(WAIT).until(() -> chats.size() >= count);
        return List.copyOf(chats);
    }

    public List<String> texts() {
        return chats.stream().map(ServerMessage.Chat::text).toList();
    }

    public void awaitLoss() {
        await().atMost(WAIT).until(() -> !losses.isEmpty());
    }
}
