package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import chatlab.store.Database;
import chatlab.store.SqliteAccountStore;
import chatlab.store.SqliteBlockStore;
import chatlab.store.SqliteLoginStore;
import chatlab.time.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presence on a real SQLite file: taking over a session is one step, whatever its old connection is doing. */
class PresenceServiceTest {
    @TempDir
    Path dir;
    private Database db;
    private PresenceService presence;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        ManualClock clock = new ManualClock(Instant.parse("2021-02-23T15:00:00Z"));
        AccountService accounts = new AccountService(new SqliteAccountStore(db), new PasswordHasher(PasswordHasher.Cost.TESTING),
                LockoutPolicy.DEFAULT, clock);
        presence = new PresenceService(new SqliteLoginStore(db), new BlockService(new SqliteBlockStore(db), accounts), clock,
                new Timestamps(ZoneId.of("UTC")), false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSameInstanceTakesOverInOneStepAndALateLeaveOfTheOldSessionChangesNothing() {
        PresenceService.Entered first = presence.enter("Yoda", "127.0.0.1", null, "phone", new RecordingOutbound());
        assertThat(first.replaced()).isNull();
        PresenceService.Entered second = presence.enter("Yoda", "127.0.0.2", 6001, "phone", new RecordingOutbound());
        assertThat(second.replaced()).isEqualTo(first.session());
        assertThat(presence.sessionCount()).isEqualTo(1);
        // the old connection's own logout, still under way when the takeover came, ends late
        presence.leave(first.session());
        assertThat(presence.sessionCount()).isEqualTo(1);
        assertThat(presence.sessions()).containsExactly(second.session());
    }

    @Test
    void anotherInstanceOrNoneIsRefusedAndTakesNothingOver() {
        PresenceService.Entered first = presence.enter("Yoda", "127.0.0.1", null, "phone", new RecordingOutbound());
        for (String other : new String[] {"laptop", null}) {
            assertThatThrownBy(() -> presence.enter("Yoda", "127.0.0.2", null, other, new RecordingOutbound()))
                    .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_SESSION));
        }
        assertThat(presence.sessions()).containsExactly(first.session());
    }
}
