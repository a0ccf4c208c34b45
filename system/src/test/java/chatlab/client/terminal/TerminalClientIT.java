package chatlab.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.server.LockoutPolicy;
import chatlab.testing.Recorder;
import chatlab.protocol.ServerMessage;
import chatlab.testing.ScriptedTerminal;
import chatlab.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal client, driven line by line through a JLine terminal. */
class TerminalClientIT {
    @TempDir
    Path dir;
    private TestServer server;
    private ScriptedTerminal term;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, b -> b.lockout(new LockoutPolicy(3, Duration.ofSeconds(10))));
        server.signup("Yoda", "wise@!man");
        server.signup("Hans", "falcon*solo");
        term = new ScriptedTerminal();
    }

    @AfterEach
    void stop() throws Exception {
        term.close();
        server.close();
    }

    private int udpPort;
    /** The room password the client is started with; null: it asks, if the room has one. */
    private String roomPassword;
    /** The profile the client is started with; null: the server's. */
    private chatlab.protocol.Profile profile;
    /** How long without input before the client sets idle. */
    private java.time.Duration idleAfter = java.time.Duration.ofMinutes(5);

    private CompletableFuture<Integer> run(String user, int port) {
        return run(term, user, port, "downloads");
    }

    private CompletableFuture<Integer> run(ScriptedTerminal terminal, String user, int port, String downloads) {
        udpPort = freeUdpPort();
        TerminalClient client = new TerminalClient(terminal.terminal(), new TerminalClient.Settings("127.0.0.1", port,
                udpPort, user, null, true, new TerminalClient.Files(dir.resolve(downloads),
                        chatlab.p2p.transfer.TransferSettings.DEFAULT, chatlab.p2p.impair.Impairment.NONE, 1),
                new TerminalClient.Tracing(dir.resolve(downloads + "-data"), java.time.Duration.ofMinutes(3), java.util.List.of(),
                        java.time.Duration.ofSeconds(10), server.clock), server.security(), roomPassword, profile)
                .withIdleAfter(idleAfter));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        // A platform thread of its own, as ./lab client runs it on main: run() blocks in JLine's native
        // terminal reads, which would pin a virtual thread's carrier.
        Thread.ofPlatform().daemon().start(() -> exit.complete(client.run()));
        return exit;
    }

    private static int freeUdpPort() {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int exitCode(CompletableFuture<Integer> run) {
        await().atMost(Recorder.WAIT).until(run::isDone);
        return run.join();
    }

    @Test
    void aWholeSessionWithEveryKindOfCommand() {
        Recorder hans = new Recorder();
        ChatClient hansClient = server.login("Hans", "falcon*solo", hans);
        CompletableFuture<Integer> run = run(null, server.port());
        term.expect("Username: ").type("Yoda").expect("Password: ").type("wrong")
                .expect("Invalid Password. Please try again (2 attempts left)")
                .expect("Password: ").type("wise@!man").expect("Welcome to TOOM!");
        term.type("MSG do or do not").expect("Message #1 posted at 23 Feb 2021 15:00:00.");
        term.type("RDM 23 Feb 2021 14:59:59").expect("#1, Yoda: do or do not, posted at 23 Feb 2021 15:00:00.");
        term.type("rdm 23 Feb 2021 15:00:00").expect("no new message");
        term.type("EDT 1 23 Feb 2021 15:00:00 there is no try").expect("Message #1 edited at 23 Feb 2021 15:00:00.");
        term.type("ATU").expect("Hans, 127.0.0.1, -, active since 23 Feb 2021 15:00:00.");
        term.type("send Hans hello from Yoda").expect("Message sent to Hans.");
        assertThat(hans.awaitChats(1).getFirst().text()).isEqualTo("hello from Yoda");
        ChatClient.await(hansClient.unicast("Yoda", "hi back"));
        term.expect("[private] Hans: hi back");
        term.type("broadcast all hands").expect("Message sent to 1 user.");
        term.type("userlog").expect("1; 23 Feb 2021 15:00:00; Hans; 127.0.0.1; -")
                .expect("2; 23 Feb 2021 15:00:00; Yoda; 127.0.0.1; " + udpPort);
        term.type("messagelog").expect("1; 23 Feb 2021 15:00:00; Yoda; there is no try; yes");
        term.type("whoelse-since 1h").expect("Hans, last login 23 Feb 2021 15:00:00, online");
        term.type("block Hans").expect("Hans is blocked");
        term.type("unblock Hans").expect("Hans is unblocked");
        term.type("DLT 1 23 Feb 2021 15:00:00").expect("Message #1 deleted at 23 Feb 2021 15:00:00.");
        term.type("FOO bar").expect("Error. Invalid command! Type 'help' for the list of commands.");
        term.type("EDT 1").expect("Error. Usage: EDT <number> <timestamp> <message>");
        term.type("DLT 9 23 Feb 2021 15:00:00").expect("Error: Message #9 does not exist");
        term.type("send Nobody hi").expect("Error: Username 'Nobody' does not exist");
        term.type("help").expect("MSG <message>").expect("whoelse-since <duration>");
        term.type("ping").expect("pong from 127.0.0.1:");
        ChatClient.await(hansClient.logout());
        term.expect("* Hans went offline");
        term.type("OUT").expect("Bye, Yoda!");
        assertThat(exitCode(run)).isZero();
    }

    @Test
    void groupsStatusesProfilesSearchAndMarkdown() {
        Recorder hans = new Recorder();
        ChatClient hansClient = server.login("Hans", "falcon*solo", hans);
        CompletableFuture<Integer> run = run(null, server.port());
        term.expect("Username: ").type("Yoda").expect("Password: ").type("wise@!man").expect("Welcome to TOOM!");
        term.type("profile name Master Yoda").expect("Your display name is now 'Master Yoda'.");
        term.type("profile about Lives on Dagobah").expect("Your about text is now 'Lives on Dagobah'.");
        term.type("profile").expect("Yoda (Master Yoda), online").expect("  Lives on Dagobah");
        term.type("status away meditating").expect("Your status is away (meditating).");
        await().atMost(Recorder.WAIT).until(() -> hans.statuses.stream().anyMatch(s -> s.text() != null));
        ChatClient.await(hansClient.setStatus(chatlab.protocol.UserStatus.DND, null));
        term.expect("* Hans does not want to be disturbed");
        term.type("ATU").expect("Hans, 127.0.0.1, -, active since 23 Feb 2021 15:00:00 (dnd).");
        term.type("group create council").expect("Group council created: invite its members.");
        term.type("group invite council Hans").expect("Hans is invited to council.");
        ChatClient.await(hansClient.join("council"));
        term.expect("* Hans joined council");
        term.type("markdown on").expect("What you type is sent as markdown");
        term.type("gsend council **do** or do not").expect("Message sent to council (1 member).");
        ServerMessage.Chat chat = hans.awaitChats(1).getFirst();
        assertThat(chat.format()).isEqualTo(chatlab.protocol.TextFormat.MARKDOWN);
        assertThat(chat.text()).isEqualTo("**do** or do not");
        ChatClient.await(hansClient.sendToGroup("council", "there is *no* try", chatlab.protocol.TextFormat.MARKDOWN, null));
        term.expectLine("23 Feb 2021 15:00:00 [council] Hans: there is no try");
        term.type("group history council").expect("[council] Yoda: do or do not").expect("[council] Hans: there is no try");
        term.type("search try").expect("[council] Hans: there is *no* [try]");
        term.type("search users dagobah").expect("Yoda (Master Yoda): Lives on Dagobah");
        term.type("group members council").expect("council: Hans, Yoda");
        term.type("status busy").expect("Error. Usage: status online|away|idle|dnd|offline [note]");
        term.type("OUT").expect("Bye, Yoda!");
        assertThat(exitCode(run)).isZero();
    }

    @Test
    void setsIdleAfterAQuietSpellAndOnlineAgainAtTheNextLine() {
        Recorder hans = new Recorder();
        server.login("Hans", "falcon*solo", hans);
        idleAfter = java.time.Duration.ofMillis(300);
        CompletableFuture<Integer> run = run(null, server.port());
        term.expect("Username: ").type("Yoda").expect("Password: ").type("wise@!man").expect("Welcome to TOOM!");
        await().atMost(Recorder.WAIT).until(() -> hans.statuses.stream()
                .anyMatch(s -> s.user().equals("Yoda") && s.status() == chatlab.protocol.UserStatus.IDLE));
        term.type("ping").expect("pong from");
        await().atMost(Recorder.WAIT).until(() -> hans.statuses.getLast().status() == chatlab.protocol.UserStatus.ONLINE);
        term.type("status dnd").expect("Your status is dnd.");
        await().atMost(Recorder.WAIT).until(() -> hans.statuses.getLast().status() == chatlab.protocol.UserStatus.DND);
        term.type("OUT").expect("Bye, Yoda!");
        assertThat(exitCode(run)).isZero();
    }

    @Test
    void blocksAfterTheLastAttemptAndExits() {
        CompletableFuture<Integer> run = run("Yoda", server.port());
        term.expect("Password: ").type("a").expect("(2 attempts left)")
                .expect("Password: ").type("b").expect("(1 attempt left)")
                .expect("Password: ").type("c")
                .expect("Invalid Password. Your account has been blocked. Please try again later");
        assertThat(exitCode(run)).isEqualTo(1);
    }

    @Test
    void offersASignupToAnUnknownUser() {
        CompletableFuture<Integer> run = run(null, server.port());
        term.expect("Username: ").type("+61410666666").expect("Password: ").type("kara1234")
                .expect("Username '+61410666666' does not exist")
                .expect("Create an account named +61410666666 with this password? [y/N] ").type("y")
                .expect("Account +61410666666 created.").expect("Welcome to TOOM!");
        term.endInput();
        term.expect("Bye, +61410666666!");
        assertThat(exitCode(run)).isZero();
    }

    @Test
    void reportsALostConnectionAndReconnects() throws Exception {
        CompletableFuture<Integer> run = run("Yoda", server.port());
        term.expect("Password: ").type("wise@!man").expect("Welcome to TOOM!");
        server.restart();
        term.expect("Server: The server is shutting down").expect("Connection lost:");
        term.type("MSG are you there").expect("Error: connection to 127.0.0.1:");
        term.type("reconnect").expect("Reconnected to 127.0.0.1:").expect("Welcome to TOOM!");
        term.type("MSG back again").expect("Message #1 posted at");
        term.type("OUT").expect("Bye, Yoda!");
        assertThat(exitCode(run)).isZero();
    }

    @Test
    void saysWhenTheServerIsUnreachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CompletableFuture<Integer> run = run("Yoda", closedPort);
        term.expect("Error: server unreachable at 127.0.0.1:" + closedPort);
        assertThat(exitCode(run)).isEqualTo(1);
    }

    @Test
    void followsTheExactWordingOfAToomServer() throws Exception {
        server.close();
        server = TestServer.start(java.nio.file.Files.createDirectories(dir.resolve("toom")), b -> b
                .profile(chatlab.protocol.Profile.TOOM).lockout(new LockoutPolicy(3, Duration.ofSeconds(10))));
        server.signup("Yoda", "wise@!man");
        server.signup("Hans", "falcon*solo");
        Path notes = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "notes");
        CompletableFuture<Integer> run = run("Yoda", server.port());
        term.expect("Password: ").type("wrong").expectLine("Invalid Password. Please try again")
                .expect("Password: ").type("wise@!man").expectLine("Welcome to TOOM!");
        term.type("FOO bar").expectLine("Error. Invalid command!");
        term.type("UPD Hans " + notes).expectLine("Hans is offline");
        term.type("OUT").expectLine("Bye, Yoda!");
        assertThat(exitCode(run)).isZero();
        assertThat(term.output()).doesNotContain("attempts left").doesNotContain("Error: ").doesNotContain("for the list of commands");
    }

    @Test
    void takesTheWordingOfTheProfileItIsToldOverTheServers() {
        profile = chatlab.protocol.Profile.BLUETRACE;
        CompletableFuture<Integer> run = run("Yoda", server.port());
        term.expect("Password: ").type("wise@!man").expectLine("Welcome to TOOM!");
        term.type("FOO").expectLine("Error. Invalid command");
        term.type("OUT").expect("Bye, Yoda!");
        assertThat(exitCode(run)).isZero();
    }

    @Test
    void sendsADirectMessageToAnotherTerminalSealedEndToEnd() throws Exception {
        try (ScriptedTerminal hansTerm = new ScriptedTerminal()) {
            CompletableFuture<Integer> hans = run(hansTerm, "Hans", server.port(), "hans-downloads");
            hansTerm.expect("Password: ").type("falcon*solo").expect("Welcome to TOOM!");
            CompletableFuture<Integer> yoda = run("Yoda", server.port());
            term.expect("Password: ").type("wise@!man").expect("Welcome to TOOM!");
            term.type("dm Hans the falcon is in bay 94").expect("Delivered to Hans directly.");
            hansTerm.expect("[dm] Yoda: the falcon is in bay 94");
            assertThat(dir.resolve("hans-downloads-data/Hans/" + chatlab.e2e.IdentityKeys.FILE_NAME)).exists();
            term.type("dm Hans").expect("Error. Usage: dm <user> <message>");
            hansTerm.type("OUT").expect("Bye, Hans!");
            assertThat(exitCode(hans)).isZero();
            term.type("dm Hans still there?").expect("Not sent to Hans: no relay would hold it (Hans: Hans is offline; "
                    + "relays: no other user is online to hold it). Start the client with --fallback server");
            term.type("OUT").expect("Bye, Yoda!");
            assertThat(exitCode(yoda)).isZero();
        }
    }

    @Test
    void aDirectMessageForAUserWhoIsOfflineReachesHerThroughAThirdUsersClient() throws Exception {
        server.signup("Leia", "rebel#1");
        try (ScriptedTerminal hansTerm = new ScriptedTerminal(); ScriptedTerminal leiaTerm = new ScriptedTerminal()) {
            CompletableFuture<Integer> hans = run(hansTerm, "Hans", server.port(), "hans-downloads");
            hansTerm.expect("Password: ").type("falcon*solo").expect("Welcome to TOOM!");
            hansTerm.type("OUT").expect("Bye, Hans!");
            assertThat(exitCode(hans)).isZero();
            CompletableFuture<Integer> leia = run(leiaTerm, "Leia", server.port(), "leia-downloads");
            leiaTerm.expect("Password: ").type("rebel#1").expect("Welcome to TOOM!");
            CompletableFuture<Integer> yoda = run("Yoda", server.port());
            term.expect("Password: ").type("wise@!man").expect("Welcome to TOOM!");
            term.type("dm Hans the plans are in R2").expect("Hans is offline or not answering: held for Hans by 1 relay until ");

            ScriptedTerminal hansAgain = new ScriptedTerminal();
            try (hansAgain) {
                hans = run(hansAgain, "Hans", server.port(), "hans-downloads");
                hansAgain.expect("Password: ").type("falcon*solo").expect("Welcome to TOOM!");
                hansAgain.expect("[dm] Yoda: the plans are in R2");
                term.expect("Your direct message to Hans was delivered through a relay.");
                hansAgain.type("OUT").expect("Bye, Hans!");
                assertThat(exitCode(hans)).isZero();
            }
            assertThat(hansAgain.output()).containsOnlyOnce("the plans are in R2");
            leiaTerm.type("OUT").expect("Bye, Leia!");
            term.type("OUT").expect("Bye, Yoda!");
            assertThat(exitCode(leia)).isZero();
            assertThat(exitCode(yoda)).isZero();
        }
    }

    @Test
    void sendsAFileToAnotherTerminalWithUpd() throws Exception {
        java.nio.file.Path notes = java.nio.file.Files.write(dir.resolve("notes.txt"), new byte[300_000]);
        try (ScriptedTerminal hansTerm = new ScriptedTerminal()) {
            CompletableFuture<Integer> hans = run(hansTerm, "Hans", server.port(), "hans-downloads");
            hansTerm.expect("Password: ").type("falcon*solo").expect("Welcome to TOOM!");
            CompletableFuture<Integer> yoda = run("Yoda", server.port());
            term.expect("Password: ").type("wise@!man").expect("Welcome to TOOM!");
            term.type("UPD Hans " + notes).expect("Sending notes.txt...").expect("Sent notes.txt to Hans (293.0 KB in");
            hansTerm.expect("Receiving notes.txt (293.0 KB) from Yoda...").expect("Received notes.txt from Yoda (saved as ");
            assertThat(java.nio.file.Files.readAllBytes(dir.resolve("hans-downloads/Yoda_notes.txt")))
                    .isEqualTo(java.nio.file.Files.readAllBytes(notes));
            term.type("UPD Hans " + notes).expect("Sent notes.txt to Hans (293.0 KB in");
            hansTerm.expect("Received notes.txt from Yoda (saved as ")
                    .expect("Yoda_notes (2).txt: Yoda_notes.txt was taken, so it got a new name)");
            assertThat(dir.resolve("hans-downloads/Yoda_notes (2).txt")).hasSize(300_000);
            term.type("UPD Hans " + dir.resolve("missing.txt")).expect("Error: no such file: ");
            term.type("UPD Nobody " + notes).expect("Error: Username 'Nobody' does not exist");
            hansTerm.type("OUT").expect("Bye, Hans!");
            assertThat(exitCode(hans)).isZero();
            term.type("UPD Hans " + notes).expect("Error: Hans is offline");
            term.type("OUT").expect("Bye, Yoda!");
            assertThat(exitCode(yoda)).isZero();
        }
    }

    @Test
    void theBlueTraceSessionDownloadBeaconAndUpload() throws Exception {
        server.signup("+61410666666", "kara1234");
        server.signup("+61410777777", "lee12345");
        try (ScriptedTerminal leeTerm = new ScriptedTerminal()) {
            CompletableFuture<Integer> lee = run(leeTerm, "+61410777777", server.port(), "lee");
            leeTerm.expect("Password: ").type("lee12345").expect("Welcome to TOOM!");
            int leePort = udpPort;
            CompletableFuture<Integer> kara = run("+61410666666", server.port());
            term.expect("Password: ").type("kara1234").expect("Welcome to TOOM!");

            term.type("Download_tempID").expect("TempID: ").expect("Valid from 23/02/2021 15:00:00 to 23/02/2021 15:14:59.");
            term.type("Beacon 127.0.0.1 " + leePort).expect(", 23/02/2021 15:00:00, 23/02/2021 15:14:59.")
                    .expect("Beacon sent to 127.0.0.1:" + leePort + ".");
            leeTerm.expect("received beacon: ").expect("Current time is: 23/02/2021 15:00:00.")
                    .expect("The beacon is valid.");
            leeTerm.type("contactlog").expect(" 23/02/2021 15:00:00 23/02/2021 15:14:59");
            leeTerm.type("Upload_contact_log").expect(",").expect("23/02/2021 15:00:00,").expect("23/02/2021 15:14:59;")
                    .expect("Contact log checked: ").expect("+61410666666, 23/02/2021 15:00:00, ");
            leeTerm.type("Beacon 127.0.0.1 notaport").expect("Error. Usage: Beacon <ip> <port>");
            term.type("OUT").expect("Bye, +61410666666!");
            leeTerm.type("OUT").expect("Bye, +61410777777!");
            assertThat(exitCode(kara)).isZero();
            assertThat(exitCode(lee)).isZero();
        }
    }

    @Test
    void asksForTheRoomPasswordAndEndsWhenKickedOutByTwoVotes() throws Exception {
        server.close();
        server = TestServer.start(dir.resolve("room"), b -> b.roomPassword("lokipass")).roomPassword("lokipass");
        for (String user : List.of("loki", "aish", "unith")) {
            server.signup(user, "pass-" + user);
        }
        ChatClient loki = server.login("loki", "pass-loki", new Recorder());
        ChatClient aish = server.login("aish", "pass-aish", new Recorder());
        CompletableFuture<Integer> run = run("unith", server.port());
        term.expect("Room password: ").type("wrong").expect("Wrong room password. Please try again (2 attempts left)")
                .expect("Room password: ").type("lokipass").expect("Authentication successful:) Welcome to chatroom!!!")
                .expect("Password: ").type("pass-unith").expect("Welcome to TOOM!");
        term.type("getusers").expect("loki, 127.0.0.1").expect("aish, 127.0.0.1");
        term.type("kick unith").expect("Error: You cannot vote to kick yourself");
        term.type("kick loki").expect("Your vote to kick loki is counted: 1 of the 2 votes needed within 5m.");
        assertThat(ChatClient.await(loki.kick("unith")).kicked()).isFalse();
        assertThat(ChatClient.await(aish.kick("unith")).kicked()).isTrue();
        term.expect("Server: You were kicked out of the room by the votes of loki, aish.");
        assertThat(exitCode(run)).isEqualTo(TerminalClient.EXIT_KICKED);
    }

    @Test
    void takesTheRoomPasswordFromItsSettingsAndStopsAtAWrongOne() throws Exception {
        server.close();
        server = TestServer.start(dir.resolve("room"), b -> b.roomPassword("lokipass"));
        roomPassword = "not-it";
        CompletableFuture<Integer> run = run("unith", server.port());
        term.expect("Wrong room password. Please try again (2 attempts left)");
        assertThat(exitCode(run)).isEqualTo(1);
    }
}
