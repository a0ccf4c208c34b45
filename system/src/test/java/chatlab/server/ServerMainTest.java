package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code ./lab server} reads its arguments: options, Toom's form and CSC573's form. */
class ServerMainTest {
    @TempDir
    Path dir;

    private static ServerConfig parse(String... args) {
        return parseIn(Path.of(""), args);
    }

    /** As if the server ran in {@code here}. */
    private static ServerConfig parseIn(Path here, String... args) {
        ServerMain main = new ServerMain(here);
        chatlab.cli.Commands.line(main).parseArgs(args);
        return main.config();
    }

    private static boolean roomAccepts(ServerConfig config, String password) {
        return new PasswordHasher(config.hashCost()).verify(password, config.room().passwordHash());
    }

    @Test
    void theDefaultsHaveNoRoomPasswordAndCsc573sTwoVotes() {
        ServerConfig config = parse("--argon2", "m=256,t=1,p=1");
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(config.room()).isEqualTo(RoomPolicy.DEFAULT);
    }

    @Test
    void readsToomsPortAndAttempts() {
        ServerConfig config = parse("5000", "2");
        assertThat(config.port()).isEqualTo(5000);
        assertThat(config.lockout().maxAttempts()).isEqualTo(2);
        assertThat(config.room().guarded()).isFalse();
    }

    @Test
    void readsCsc573sAddressPortAndRoomPasswordAndKeepsOnlyItsHash() {
        ServerConfig config = parse("--argon2", "m=256,t=1,p=1", "127.0.0.2", "9011", "lokipass");
        assertThat(config.host()).isEqualTo("127.0.0.2");
        assertThat(config.port()).isEqualTo(9011);
        assertThat(config.room().passwordHash()).startsWith("$argon2id$").doesNotContain("lokipass");
        assertThat(roomAccepts(config, "lokipass")).isTrue();
        assertThat(config.room().toString()).doesNotContain("argon2");
    }

    @Test
    void readsTheRoomOptions() throws Exception {
        Path file = Files.writeString(dir.resolve("room.txt"), "s3cret room\nignored\n");
        ServerConfig config = parse("--argon2", "m=256,t=1,p=1", "--room-password-file", file.toString(),
                "--kick-votes", "3", "--kick-window", "90s", "--kick-ban", "1h");
        assertThat(roomAccepts(config, "s3cret room")).isTrue();
        assertThat(config.room().kickVotes()).isEqualTo(3);
        assertThat(config.room().kickWindow()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.room().kickBan()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theToomProfileReadsCredentialsTxtWhereItRunsAndKeepsItsLogsThere() throws Exception {
        Files.writeString(dir.resolve("credentials.txt"), "Yoda wise@!man\n");
        ServerConfig config = parseIn(dir, "--profile", "toom", "5000", "3");
        assertThat(config.profile()).isEqualTo(chatlab.protocol.Profile.TOOM);
        assertThat(config.port()).isEqualTo(5000);
        assertThat(config.lockout().maxAttempts()).isEqualTo(3);
        assertThat(config.lockout().blockDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.credentials()).isEqualTo(dir.resolve("credentials.txt"));
        assertThat(config.logs()).isEqualTo(dir);
        assertThat(config.freshBoard()).isTrue();
        assertThat(config.signupEnabled()).as("Toom's accounts come from credentials.txt only").isFalse();
        assertThatThrownBy(() -> parseIn(dir, "--profile", "toom", "5000", "6"))
                .hasMessage("Invalid number of allowed failed consecutive attempt: 6. The valid value of argument number "
                        + "is an integer between 1 and 5");
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        assertThatThrownBy(() -> parseIn(elsewhere, "--profile", "toom", "5000", "3"))
                .hasMessageContaining("credentials.txt not found in " + elsewhere.toAbsolutePath());
    }

    @Test
    void theBlueTraceProfileTakesTheBlockDurationAndKeepsTempIdsTxt() throws Exception {
        Files.writeString(dir.resolve("credentials.txt"), "+61410666666 kara1234\n");
        ServerConfig config = parseIn(dir, "--profile", "bluetrace", "4601", "60");
        assertThat(config.port()).isEqualTo(4601);
        assertThat(config.lockout().maxAttempts()).isEqualTo(3);
        assertThat(config.lockout().blockDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.tempIdsFile()).isEqualTo(dir.resolve("tempIDs.txt"));
        assertThat(config.logs()).isNull();
        assertThat(config.freshBoard()).isFalse();
        assertThatThrownBy(() -> parseIn(dir, "--profile", "bluetrace", "4601", "0"))
                .hasMessageContaining("the block duration must be a whole number of seconds");
    }

    @Test
    void theCs425ProfileTakesItsOwnSpellingAndDefaults() {
        ServerConfig config = parse("--profile", "cs425", "-host", "127.0.0.2", "-port", "2001");
        assertThat(config.host()).isEqualTo("127.0.0.2");
        assertThat(config.port()).isEqualTo(2001);
        assertThat(config.lockout().maxAttempts()).isEqualTo(3);
        assertThat(config.lockout().blockDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.signupEnabled()).isTrue();
        assertThat(parse("--profile", "CS425").port()).isEqualTo(2000);
        assertThat(parse("-host", "127.0.0.3", "-port", "2002").port()).as("without the profile too").isEqualTo(2002);
        assertThatThrownBy(() -> parse("--profile", "cs425", "2000")).hasMessageContaining("-host IP -port PORT");
    }

    @Test
    void theCsc573ProfileTakesAddressPortAndRoomPassword() {
        ServerConfig config = parse("--argon2", "m=256,t=1,p=1", "--profile", "csc573", "127.0.0.2", "9011", "lokipass");
        assertThat(config.port()).isEqualTo(9011);
        assertThat(roomAccepts(config, "lokipass")).isTrue();
        assertThatThrownBy(() -> parse("--profile", "csc573", "9011")).hasMessageContaining("IP PORT PASSWORD");
    }

    @Test
    void anUnknownProfileIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse("--profile", "irc")).hasMessage(
                "unknown profile 'irc': use one of chatlab, toom, bluetrace, cs425, csc573, compsys302");
    }

    @Test
    void refusesWhatCannotBeMeant() throws Exception {
        assertThatThrownBy(() -> parse("5000", "9011", "lokipass")).hasMessageContaining("the first is the address");
        assertThatThrownBy(() -> parse("127.0.0.1", "9011", "lokipass", "--room-password", "other"))
                .hasMessageContaining("give the room password once");
        assertThatThrownBy(() -> parse("--room-password-file", dir.resolve("missing").toString()))
                .hasMessageContaining("cannot read");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\n");
        assertThatThrownBy(() -> parse("--room-password-file", empty.toString())).hasMessageContaining("is empty");
        assertThatThrownBy(() -> parse("--kick-votes", "0")).hasMessageContaining("--kick-votes");
        assertThatThrownBy(() -> parse("--kick-window", "0s")).hasMessageContaining("--kick-window");
        assertThatThrownBy(() -> parse("127.0.0.1", "x", "pw")).hasMessageContaining("the port must be a number");
        assertThatThrownBy(() -> parse("--host", "127.0.0.3", "127.0.0.2", "9011", "pw"))
                .hasMessageContaining("given twice");
    }

    @Test
    void aCarrierCountOutOfRangeIsRefusedBeforeAnythingStarts() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = chatlab.cli.Commands.line(new ServerMain(dir));
        line.setErr(new java.io.PrintWriter(err, true));
        assertThat(line.execute("--carriers", "0", "--db", dir.resolve("chatlab.db").toString(), "--no-console"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--carriers takes a number of threads from 1 to 256, not 0");
        assertThat(dir.resolve("chatlab.db")).doesNotExist();
    }
}
