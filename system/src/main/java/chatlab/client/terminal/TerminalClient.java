package chatlab.client.terminal;

import chatlab.client.ChatClient;
import chatlab.client.ChatListener;
import chatlab.client.ClientOptions;
import chatlab.client.FileTransfers;
import chatlab.client.TracingClient;
import chatlab.protocol.ContactEntry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.p2p.transfer.TransferSettings;
import java.io.IOException;
import chatlab.protocol.ActiveUser;
import chatlab.protocol.BoardEntry;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.RecentUser;
import chatlab.p2p.direct.DirectMessages;
import chatlab.protocol.ServerMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive terminal client: a login dialog, then one command per line. Messages that
 * arrive while the user types are printed above the prompt without breaking the line.
 */
public final class TerminalClient {

    /**
     * Where to connect and how to behave. {@code user} skips the username prompt; {@code history}
     * may be null; {@code udpPort} 0 picks a free port for files; {@code security} is how the
     * connection is secured (TLS by default); {@code roomPassword} is given when the server's room
     * has one (null: asked for); {@code idleAfter} is how long without input before the client
     * sets the user's status to idle (zero: never); {@code direct} how direct messages go (relays,
     * fallback, what this client holds for others).
     */
    public record Settings(String host, int port, int udpPort, String user, Path history, boolean presence,
            Files files, Tracing tracing, chatlab.tls.ChannelSecurity security, String roomPassword,
            chatlab.protocol.Profile profile, Duration idleAfter, DirectMessages.Settings direct) {
        public Settings(String host, int port, int udpPort, String user, Path history, boolean presence,
                Files files, Tracing tracing, chatlab.tls.ChannelSecurity security, String roomPassword,
                chatlab.protocol.Profile profile, Duration idleAfter) {
            this(host, port, udpPort, user, history, presence, files, tracing, security, roomPassword, profile,
                    idleAfter, DirectMessages.Settings.DEFAULT);
        }

        public Settings(String host, int port, int udpPort, String user, Path history, boolean presence,
                Files files, Tracing tracing, chatlab.tls.ChannelSecurity security, String roomPassword,
                chatlab.protocol.Profile profile) {
            this(host, port, udpPort, user, history, presence, files, tracing, security, roomPassword, profile,
                    IdleWatch.DEFAULT_AFTER);
        }

        public Settings withIdleAfter(Duration after) {
            return new Settings(host, port, udpPort, user, history, presence, files, tracing, security, roomPassword,
                    profile, after, direct);
        }

        public Settings withDirect(DirectMessages.Settings value) {
            return new Settings(host, port, udpPort, user, history, presence, files, tracing, security, roomPassword,
                    profile, idleAfter, value);
        }

        /** Without a profile of its own: the client follows the server's. */
        public Settings(String host, int port, int udpPort, String user, Path history, boolean presence,
                Files files, Tracing tracing, chatlab.tls.ChannelSecurity security, String roomPassword) {
            this(host, port, udpPort, user, history, presence, files, tracing, security, roomPassword, null);
        }

        @Override
        public String toString() {
            return "Settings[host=" + host + ", port=" + port + ", user=" + user + ", roomPassword="
                    + (roomPassword == null ? "none" : "***") + "]";
        }
    }

    /**
     * Files: where they go, how they are sent, what the link does to outgoing datagrams, and where
     * each transfer's trace goes (null: nowhere; see {@link chatlab.client.TransferTraces}).
     */
    public record Files(Path downloads, TransferSettings transfer, Impairment impairment, long impairSeed, Path trace) {
        public static final Files DEFAULT = new Files(Path.of("downloads"), TransferSettings.DEFAULT, Impairment.NONE, 1);

        public Files(Path downloads, TransferSettings transfer, Impairment impairment, long impairSeed) {
            this(downloads, transfer, impairment, impairSeed, null);
        }

        /** The traces of file transfers, or null if none are written. */
        chatlab.client.TransferTraces traces() {
            return trace == null ? null : new chatlab.client.TransferTraces(trace, impairment, impairSeed);
        }
    }

    /**
     * Contact tracing: where the contact log lives, how long entries last, peers to beacon
     * automatically, and the clock that beacons are checked against (the system clock, except
     * in tests).
     */
    public record Tracing(Path dataDir, Duration contactTtl, List<InetSocketAddress> beaconPeers, Duration beaconEvery,
            InstantSource clock) {
        public static final Tracing DEFAULT = new Tracing(Path.of("data"), Duration.ofMinutes(3), List.of(),
                Duration.ofSeconds(10), InstantSource.system());

        public Tracing withClock(InstantSource clock) {
            return new Tracing(dataDir, contactTtl, beaconPeers, beaconEvery, clock);
        }
    }

    private final Terminal terminal;
    private final Settings settings;
    private final Set<String> knownUsers = new ConcurrentSkipListSet<>();
    private LineReader reader;
    private ChatClient client;
    private PeerEndpoint endpoint;
    private FileTransfers transfers;
    private TransferDisplay display;
    private TracingClient tracing;
    /** Direct messages, sealed end to end; null if they could not start. */
    private volatile chatlab.client.DirectChat direct;
    /** Profiles, statuses, groups, search and markdown. */
    private SocialCommands social;
    /** Signs the user in: the room password, the username and password, a signup offered. */
    private LoginDialog dialog;
    /** Sets the status to idle when the user types nothing for a while. */
    private IdleWatch idleWatch;
    /** What the server pushes, held until the login dialog has printed its last line. */
    private HeldLines pushed;
    private volatile boolean leaving;
    /** Set when the server kicked this user out of the room: the client then ends. */
    private volatile boolean kicked;
    /** Set once the command loop has returned. */
    private volatile boolean stopped;
    /** The exit code after being kicked out of the room. */
    public static final int EXIT_KICKED = 3;

    public TerminalClient(Terminal terminal, Settings settings) {
        this.terminal = terminal;
        this.settings = settings;
    }

    /** Runs until the user logs out or input ends; returns the exit code. */
    public int run() {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("chatlab")
                .completer(new UserCompleter(knownUsers))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (settings.history() != null) {
            builder.variable(LineReader.HISTORY_FILE, settings.history());
        }
        reader = builder.build();
        display = new TransferDisplay(terminal, this::print);
        pushed = new HeldLines(this::print);
        try {
            endpoint = PeerEndpoint.open("0.0.0.0", settings.udpPort(), settings.files().impairment(),
                    settings.files().impairSeed());
        } catch (IOException e) {
            print("Error: " + e.getMessage());
            return 1;
        }
        if (!settings.files().impairment().isNone()) {
            print("Impairing outgoing datagrams: " + settings.files().impairment() + " (seed "
                    + settings.files().impairSeed() + ")");
        }
        try {
            client = ChatClient.connect(settings.host(), settings.port(), ClientOptions.defaults()
                    .withSecurity(settings.security()).withClientName("chatlab-terminal").withPresence(settings.presence()).withListener(new Printer()));
        } catch (ChatException e) {
            print("Error: " + e.getMessage());
            endpoint.close();
            return 1;
        }
        chatlab.client.TransferTraces traces = settings.files().traces();
        if (traces != null) {
            print("Tracing each file transfer to " + traces.pattern());
        }
        transfers = new FileTransfers(client, endpoint, settings.files().downloads(), settings.files().transfer(), display,
                traces);
        social = new SocialCommands(client, this::print, chat -> print(chatLine(chat)));
        try {
            dialog = new LoginDialog(client, settings, wording(), this::read, this::print,
                    passwordMask(terminal), endpoint.port());
            if (client.welcome().roomPassword() && !dialog.enterRoom()) {
                return 1;
            }
            String user = dialog.login();
            if (user == null) {
                return 1;
            }
            startTracing(user);
            startDirect(user);
            String hint = wording().commandsHint();
            if (hint != null) {
                print(hint);
            }
            pushed.release();
            idleWatch = new IdleWatch(settings.idleAfter(), social::idle, social::active);
            return loop(user);
        } finally {
            if (idleWatch != null) {
                idleWatch.close();
            }
            pushed.release();
            stopped = true;
            leaving = true;
            if (tracing != null) {
                tracing.close();
            }
            if (direct != null) {
                direct.close();
            }
            transfers.close();
            client.close();
            endpoint.close();
            terminal.flush();
        }
    }

    /** The wording to print in: the profile the user named, else the server's, else chatlab's. */
    private Wording wording() {
        if (settings.profile() != null) {
            return new Wording(settings.profile());
        }
        return client == null ? Wording.CHATLAB : new Wording(client.welcome().serverProfile());
    }

    /** Stars on a real terminal; none on a dumb one (a pipe or a script), which cannot hide input anyway. */
    private static Character passwordMask(Terminal terminal) {
        String type = terminal.getType();
        return Terminal.TYPE_DUMB.equals(type) || Terminal.TYPE_DUMB_COLOR.equals(type) ? null : '*';
    }

    /** Starts direct messages with the identity kept in the data folder, under the user's name. */
    private void startDirect(String user) {
        java.nio.file.Path folder = settings.tracing().dataDir().resolve(user);
        try {
            direct = chatlab.client.DirectChat.start(client, user, endpoint, folder,
                    new DirectMessages.Listener() {
                        @Override
                        public void onDirectMessage(String from, String text) {
                            print("[dm] " + from + ": " + text);
                        }

                        @Override
                        public void onKeyChanged(String other, chatlab.e2e.KeyBook.Seen.Changed change) {
                            print(DirectMessages.Listener.keyChangedWarning(other, change));
                        }

                        @Override
                        public void onDeliveredLater(String to, long messageId) {
                            print(DirectMessages.Listener.deliveredLaterNotice(to));
                        }

                        @Override
                        public void onExpired(String to, long messageId) {
                            print(DirectMessages.Listener.expiredNotice(to));
                        }
                    }, settings.direct());
        } catch (IOException | ChatException e) {
            print("Direct messages are off: " + e.getMessage());
        }
    }

    private void directMessage(String to, String text) {
        if (direct == null) {
            print("Direct messages are off on this client.");
            return;
        }
        direct.send(to, text).whenComplete((outcome, failure) -> print(failure == null ? Formats.outcome(outcome)
                : "Not delivered to " + to + ": " + failure.getMessage()));
    }

    private int loop(String user) {
        while (true) {
            if (kicked) {
                return EXIT_KICKED;
            }
            String line = read(user + "> ", null);
            if (kicked) {
                return EXIT_KICKED;
            }
            if (line == null) {
                logoutQuietly();
                return 0;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                if (!execute(CommandParser.parse(line))) {
                    return 0;
                }
            } catch (ChatException e) {
                if (kicked) {
                    return EXIT_KICKED; // the request failed because the server ended the session
                }
                print(wording().error(e.getMessage()));
                if (e.code() == ErrorCode.CONNECTION_LOST || e.code() == ErrorCode.TIMEOUT) {
                    print("Type 'reconnect' to try again, or 'OUT' to quit.");
                }
            }
        }
    }

    /** Carries out one command; returns false when the client should stop. */
    private boolean execute(Command command) {
        switch (command) {
            case Command.Post post -> print(ChatClient.await(client.post(post.text())).message());
            case Command.Edit edit -> print(ChatClient.await(client.edit(edit.number(), edit.timestamp(), edit.text()))
                    .message());
            case Command.Delete delete -> print(ChatClient.await(client.delete(delete.number(), delete.timestamp()))
                    .message());
            case Command.Read read -> printAll(ChatClient.await(client.read(read.since())), Formats::boardEntry,
                    "no new message");
            case Command.Who who -> printAll(remember(ChatClient.await(client.who())), Formats::activeUser,
                    "no other active user");
            case Command.Logout logout -> {
                leaving = true;
                print(ChatClient.await(client.logout()).message());
                return false;
            }
            case Command.Send send -> print(ChatClient.await(client.send(send.mode(), send.names(), send.text(), null,
                    social.format())).message());
            case Command.ShowProfile show -> social.showProfile(show.user());
            case Command.SetProfile set -> social.setProfile(set.displayName(), set.about());
            case Command.SetAvatar set -> social.setAvatar(set.image());
            case Command.SetStatus set -> social.setStatus(set.status(), set.note());
            case Command.Group group -> social.group(group);
            case Command.GroupSend send -> social.groupSend(send.group(), send.text());
            case Command.Direct dm -> directMessage(dm.user(), dm.text());
            case Command.Search search -> social.search(search.users(), search.query());
            case Command.Markdown markdown -> social.markdown(markdown.on());
            case Command.SendFile file -> sendFile(file);
            case Command.DownloadTempId download -> {
                ServerMessage.TempId id = tracing.downloadTempId();
                print("TempID: " + id.tempId());
                print("Valid from " + id.start() + " to " + id.expiry() + ".");
            }
            case Command.Beacon beacon -> {
                chatlab.p2p.beacon.Beacon sent = tracing.beacon(new InetSocketAddress(beacon.host(), beacon.port()));
                print(sent.tempId() + ", " + sent.start() + ", " + sent.expiry() + ".");
                print("Beacon sent to " + beacon.host() + ":" + beacon.port() + ".");
            }
            case Command.UploadContactLog upload -> uploadContactLog();
            case Command.AutoBeacon auto -> {
                if (auto.peers().isEmpty()) {
                    tracing.stopAutoBeacon();
                    print("Stopped beaconing.");
                } else {
                    tracing.startAutoBeacon(resolve(auto.peers()), auto.every());
                    print("Beaconing " + auto.peers().size() + " peers every " + auto.every().toSeconds() + " s.");
                }
            }
            case Command.ContactLog show -> printAll(tracing.log().contacts(),
                    e -> e.tempId() + " " + e.start() + " " + e.expiry(), "Your contact log is empty.");
            case Command.WhoElseSince since -> printAll(rememberRecent(ChatClient.await(client.whoElseSince(since.period()))),
                    Formats::recentUser, "no other user logged in within " + since.period().toSeconds() + " seconds");
            case Command.Block block -> print(ChatClient.await(client.block(block.user())).message());
            case Command.Unblock unblock -> print(ChatClient.await(client.unblock(unblock.user())).message());
            case Command.UserLog log -> printAll(remember(ChatClient.await(client.userLog())), chatlab.protocol.ActiveUser::userLogLine,
                    "no active user");
            case Command.MessageLog log -> printAll(ChatClient.await(client.messageLog()), chatlab.protocol.BoardEntry::messageLogLine,
                    "the board is empty");
            case Command.Kick kick -> print(ChatClient.await(client.kick(kick.user())).message());
            case Command.Ping ping -> {
                long start = System.nanoTime();
                ChatClient.await(client.ping());
                print(String.format("pong from %s in %.1f ms", client.target(), (System.nanoTime() - start) / 1e6));
            }
            case Command.Reconnect reconnect -> {
                ServerMessage.LoggedIn loggedIn = client.reconnect();
                print("Reconnected to " + client.target() + ".");
                if (loggedIn != null) {
                    dialog.welcome(loggedIn);
                }
            }
            case Command.Help help -> help(help.verb());
            case Command.Invalid invalid -> print(invalid.message());
            case Command.Unknown unknown -> print(wording().unknownCommand());
        }
        return true;
    }

    private void startTracing(String user) {
        Tracing t = settings.tracing();
        tracing = new TracingClient(client, endpoint, t.clock(), ZoneId.of(client.welcome().zone()),
                t.dataDir().resolve(user + "_contactlog.txt"), t.contactTtl(), new TracingClient.Listener() {
                    @Override
                    public void heard(TracingClient.Heard heard) {
                        heard.lines().forEach(TerminalClient.this::print);
                    }

                    @Override
                    public void renewed(ServerMessage.TempId id) {
                        print("Your tempID expired; the new one is " + id.tempId() + ", valid until " + id.expiry() + ".");
                    }
                });
        if (!t.beaconPeers().isEmpty()) {
            tracing.startAutoBeacon(resolve(t.beaconPeers()), t.beaconEvery());
            print("Beaconing " + t.beaconPeers().size() + " peers every " + t.beaconEvery().toSeconds() + " s.");
        }
    }

    private static List<InetSocketAddress> resolve(List<InetSocketAddress> peers) {
        return peers.stream().map(p -> new InetSocketAddress(p.getHostString(), p.getPort())).toList();
    }

    private void uploadContactLog() {
        List<ContactEntry> entries = tracing.log().contacts();
        if (entries.isEmpty()) {
            print("Your contact log is empty: there is nothing to upload.");
        }
        for (ContactEntry e : entries) {
            print(e.tempId() + ",");
            print(e.start() + ",");
            print(e.expiry() + ";");
        }
        ServerMessage.ContactTrace trace = tracing.upload();
        print("Contact log checked: " + trace.message() + ".");
        trace.contacts().forEach(c -> print(c.user() + ", " + c.start() + ", " + c.tempId() + ";"));
        trace.unmatched().forEach(u -> print("unmatched " + u.tempId() + ": " + u.reason()));
    }

    /** Starts sending a file and returns at once; how each send ends is printed when it does. */
    private void sendFile(Command.SendFile command) {
        String name = command.file().getFileName().toString();
        if (wording().showsProgress()) {
            print("Sending " + name + "...");
        }
        transfers.send(command.file(), command.mode(), command.names()).whenComplete((sent, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                print(wording().error(cause.getMessage()));
                return;
            }
            if (!sent.offers().offline().isEmpty() || !sent.offers().blockedBy().isEmpty()) {
                print(sent.offers().message());
            }
            sent.outcomes().forEach(outcome -> display.sent(name, outcome));
        });
    }

    private void help(Verb verb) {
        if (verb != null) {
            print(verb.usage() + "  -  " + verb.summary());
            print("Names: " + String.join(", ", verb.names()));
            return;
        }
        print("Commands (names match in any case; Toom's names first):");
        for (Verb v : Verb.values()) {
            print(String.format("  %-42s %s", v.usage(), v.summary()));
        }
        print("Timestamps look like 23 Feb 2021 15:00:01. Tab completes commands and user names.");
    }

    private List<ActiveUser> remember(List<ActiveUser> users) {
        users.forEach(u -> knownUsers.add(u.user()));
        return users;
    }

    private List<RecentUser> rememberRecent(List<RecentUser> users) {
        users.forEach(u -> knownUsers.add(u.user()));
        return users;
    }

    private <T> void printAll(List<T> items, Function<T, String> format, String none) {
        if (items.isEmpty()) {
            print(none);
        }
        for (T item : items) {
            print(format.apply(item));
        }
    }

    /**
     * Ends the line the user is typing, so that a kicked client stops at once: JLine ends a
     * read on SIGINT, but only while it reads, so the signal is raised whenever the client is
     * reading, for a moment, in case it was between two lines when the kick came.
     */
    private void endTheLineBeingRead() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(2).toNanos();
        while (!stopped && System.nanoTime() < deadline) {
            if (reader.isReading()) {
                terminal.raise(Terminal.Signal.INT);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(50).toNanos());
        }
    }

    private void logoutQuietly() {
        leaving = true;
        if (client.isConnected() && client.user() != null) {
            try {
                print(ChatClient.await(client.logout()).message());
            } catch (ChatException e) {
                // leaving anyway; the server ends the session when the connection closes
            }
        }
    }

    private String read(String prompt, Character mask) {
        try {
            String line = reader.readLine(prompt, mask);
            if (idleWatch != null) {
                idleWatch.input();
            }
            return line;
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    private void print(String line) {
        reader.printAbove(line);
    }

    /** A chat message as a line: markdown rendered with the terminal's styles (plain on a dumb terminal). */
    private String chatLine(ServerMessage.Chat chat) {
        if (chat.format() != chatlab.protocol.TextFormat.MARKDOWN) {
            return Formats.chat(chat);
        }
        return Formats.chatHead(chat) + TerminalMarkdown.render(chat.text()).toAnsi(terminal);
    }

    /** Prints what the server pushes above the prompt. */
    private final class Printer implements ChatListener {
        @Override
        public void onChat(ServerMessage.Chat chat) {
            knownUsers.add(chat.from());
            pushed.print(chatLine(chat));
        }

        @Override
        public void onStatus(ServerMessage.Status status) {
            knownUsers.add(status.user());
            if (wording().showsPresence()) {
                pushed.print(Formats.status(status));
            }
        }

        @Override
        public void onProfileChanged(ServerMessage.ProfileChanged changed) {
            if (wording().showsPresence()) {
                pushed.print("* " + changed.user() + " changed their profile"
                        + (changed.displayName() == null ? "" : " (" + changed.displayName() + ")"));
            }
        }

        @Override
        public void onGroupChanged(ServerMessage.GroupChanged changed) {
            pushed.print(Formats.groupChange(changed, client.user()));
        }

        @Override
        public void onIncomingFile(ServerMessage.IncomingFile file) {
            knownUsers.add(file.from());
            pushed.print("Receiving " + file.fileName() + " (" + TransferDisplay.size(file.size()) + ") from " + file.from()
                    + (file.group() == null ? "" : " in " + file.group()) + "...");
            transfers.accept(file);
        }

        @Override
        public void onPresence(ServerMessage.Presence presence) {
            knownUsers.add(presence.user());
            if (direct != null && presence.state() == chatlab.protocol.PresenceState.ONLINE) {
                direct.userOnline(presence.user());
            }
            if (wording().showsPresence()) {
                pushed.print(Formats.presence(presence));
            }
        }

        @Override
        public void onKicked(ServerMessage.Kicked kicked) {
            pushed.print(kicked.message());
        }

        @Override
        public void onNotice(ServerMessage.Notice notice) {
            pushed.print("Server [" + notice.at() + "]: " + notice.text());
        }

        @Override
        public void onDisconnect(ServerMessage.Disconnect disconnect) {
            pushed.print("Server: " + disconnect.reason());
            if (disconnect.code() == ErrorCode.KICKED) {
                leaving = true; // the session is over: say why, not that the connection was lost
                kicked = true;
                Thread.ofVirtual().name("kicked").start(TerminalClient.this::endTheLineBeingRead);
            }
        }

        @Override
        public void onConnectionLost(ChatException cause) {
            if (!leaving) {
                pushed.print("Connection lost: " + cause.getMessage() + ". Type 'reconnect' to try again, or 'OUT' to quit.");
            }
        }
    }
}
