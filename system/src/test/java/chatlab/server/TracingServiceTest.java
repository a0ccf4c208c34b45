package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.protocol.BlueTraceTimes;
import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.Contact;
import chatlab.protocol.ContactEntry;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.store.Database;
import chatlab.store.SqliteTracingStore;
import chatlab.time.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracingServiceTest {
    @TempDir
    Path dir;
    private Database db;
    private TracingService tracing;
    private final ManualClock clock = new ManualClock(Instant.parse("2021-02-23T15:00:00Z"));
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        tracing = new TracingService(new SqliteTracingStore(db), clock, Duration.ofMinutes(15),
                new BlueTraceTimes(ZoneId.of("UTC")), new PrintStream(console, true, StandardCharsets.UTF_8),
                dir.resolve("tempIDs.txt"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void issuesTwentyDigitIdsValidFifteenMinutesLessOneSecond() {
        ServerMessage.TempId id = tracing.issue(1, "+61410666666");
        assertThat(id.tempId()).matches("[0-9]{20}");
        assertThat(id.start()).isEqualTo("23/02/2021 15:00:00");
        assertThat(id.expiry()).isEqualTo("23/02/2021 15:14:59");
    }

    @Test
    void neverIssuesTheSameIdTwice() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(tracing.issue(i + 1, "u" + (i % 3)).tempId());
        }
        assertThat(ids).hasSize(2_000);
    }

    @Test
    void keepsTheSeedsTempIdsFile() throws Exception {
        ServerMessage.TempId a = tracing.issue(1, "+61410666666");
        clock.advance(Duration.ofSeconds(30));
        ServerMessage.TempId b = tracing.issue(2, "+61410777777");
        assertThat(Files.readAllLines(dir.resolve("tempIDs.txt"))).containsExactly(
                "+61410666666 " + a.tempId() + " 23/02/2021 15:00:00 23/02/2021 15:14:59",
                "+61410777777 " + b.tempId() + " 23/02/2021 15:00:30 23/02/2021 15:15:29");
    }

    @Test
    void tracesContactsAndNamesWhatItCannotTrace() {
        ServerMessage.TempId bob = tracing.issue(1, "bob");
        ServerMessage.TempId own = tracing.issue(2, "alice");
        ServerMessage.TempId carol = tracing.issue(3, "carol");
        List<ContactEntry> log = List.of(
                new ContactEntry(bob.tempId(), bob.start(), bob.expiry()),
                new ContactEntry("00000000000000000000", "23/02/2021 15:00:00", "23/02/2021 15:14:59"),
                new ContactEntry(carol.tempId(), "23/02/2021 14:00:00", "23/02/2021 14:14:59"),
                new ContactEntry(own.tempId(), own.start(), own.expiry()));
        tracing.store(1, "alice", new ClientMessage.UploadContacts(1, "up-1", log));
        ServerMessage.ContactTrace trace = tracing.trace(2, "alice");
        assertThat(trace.contacts()).containsExactly(new Contact("bob", bob.start(), bob.tempId()));
        assertThat(trace.unmatched()).extracting(u -> u.reason()).containsExactlyInAnyOrder("unknown tempID",
                "outside the window it was issued for (23/02/2021 15:00:00 to 23/02/2021 15:14:59)",
                "the uploader's own tempID");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("received contact log from alice",
                "Contact log checking", "bob, 23/02/2021 15:00:00, " + bob.tempId() + ";");
    }

    @Test
    void aRepeatedUploadStoresNothingTwice() {
        ServerMessage.TempId bob = tracing.issue(1, "bob");
        List<ContactEntry> log = List.of(new ContactEntry(bob.tempId(), bob.start(), bob.expiry()));
        assertThat(tracing.store(1, "alice", new ClientMessage.UploadContacts(1, "a", log)).stored()).isEqualTo(1);
        ServerMessage.ContactsStored again = tracing.store(2, "alice", new ClientMessage.UploadContacts(2, "b", log));
        assertThat(again.stored()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(tracing.trace(3, "alice").contacts()).hasSize(1);
    }

    @Test
    void refusesMalformedEntriesNamingThem() {
        List<ContactEntry> log = List.of(new ContactEntry("12345678901234567890", "23/02/2021 15:00:00",
                "23/02/2021 15:14:59"), new ContactEntry("123", "23/02/2021 15:00:00", "23/02/2021 15:14:59"));
        assertThatThrownBy(() -> tracing.store(1, "alice", new ClientMessage.UploadContacts(1, "a", log)))
                .isInstanceOfSatisfying(ChatException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).startsWith("entry 2:");
                });
    }
}
