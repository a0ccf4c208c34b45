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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The room's password and kick vote, on a real SQLite file and a clock the test moves. */
class RoomServiceTest {
    private static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Cost.TESTING);

    @TempDir
    Path dir;
    private Database db;
    private ManualClock clock;
    private AccountService accounts;
    private PresenceService presence;
    private RoomService room;

    /** A connection with its session, which ends that session when the connection is ended. */
    private static final class Line {
        final RecordingOutbound out = new RecordingOutbound();
        Session session;

        List<ServerMessage.Kicked> kicks() {
            return out.pushed(ServerMessage.Kicked.class);
        }
    }

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        clock = new ManualClock(Instant.parse("2021-02-23T15:00:00Z"));
        accounts = new AccountService(new SqliteAccountStore(db), HASHER, LockoutPolicy.DEFAULT, clock);
        presence = new PresenceService(new SqliteLoginStore(db), new BlockService(new SqliteBlockStore(db), accounts),
                clock, new Timestamps(ZoneId.of("UTC")), false);
        for (String user : List.of("loki", "aish", "unith", "abhishek")) {
            accounts.signup(user, "pass-" + user);
        }
        room = room(new RoomPolicy(HASHER.hash("lokipass"), 2, Duration.ofMinutes(5), Duration.ofMinutes(10)));
    }

    private RoomService room(RoomPolicy policy) {
        return new RoomService(policy, HASHER, new LockoutPolicy(3, Duration.ofSeconds(10)), accounts, presence, clock,
                new Timestamps(ZoneId.of("UTC")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Line enter(String user) {
        return enter(presence, user, null);
    }

    private static Line enter(PresenceService presence, String user, String instance) {
        Line line = new Line();
        line.session = presence.enter(user, "127.0.0.1", null, instance, line.out).session();
        line.out.onEnd = () -> presence.leave(line.session);
        return line;
    }

    private static void assertCode(ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void theRightRoomPasswordGetsCsc573sGreeting() {
        assertThat(room.guarded()).isTrue();
        assertThat(room.enter("10.0.0.1", "lokipass")).isEqualTo("Authentication successful:) Welcome to chatroom!!!");
    }

    @Test
    void wrongRoomPasswordsCountDownThenBlockTheAddressOnly() {
        assertThatThrownBy(() -> room.enter("10.0.0.1", "guess1")).isInstanceOfSatisfying(ChatException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.WRONG_ROOM_PASSWORD);
            assertThat(e.attemptsLeft()).isEqualTo(2);
        });
        assertCode(() -> room.enter("10.0.0.1", "guess2"), ErrorCode.WRONG_ROOM_PASSWORD);
        assertThatThrownBy(() -> room.enter("10.0.0.1", "guess3")).isInstanceOfSatisfying(ChatException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ROOM_BLOCKED);
            assertThat(e.retryAfterSeconds()).isEqualTo(10);
        });
        // blocked: even the right password is refused, without being checked
        assertCode(() -> room.enter("10.0.0.1", "lokipass"), ErrorCode.ROOM_BLOCKED);
        // another address is not affected
        assertThat(room.enter("10.0.0.2", "lokipass")).contains("Welcome to chatroom");
        clock.advance(Duration.ofSeconds(10));
        assertThat(room.enter("10.0.0.1", "lokipass")).contains("Welcome to chatroom");
    }

    @Test
    void aRoomWithoutAPasswordTakesAnything() {
        RoomService open = room(RoomPolicy.DEFAULT);
        assertThat(open.guarded()).isFalse();
        assertThat(open.enter("10.0.0.1", "whatever")).isEqualTo(RoomService.NO_PASSWORD);
    }

    @Test
    void oneVoteIsNotEnoughAndTwoDistinctVotesRemove() {
        Line loki = enter("loki");
        Line aish = enter("aish");
        Line unith = enter("unith");
        ServerMessage.KickVote first = room.vote(1, "loki", "unith");
        assertThat(first.kicked()).isFalse();
        assertThat(first.votes()).isEqualTo(1);
        assertThat(first.needed()).isEqualTo(2);
        assertThat(unith.out.endedWith).isNull();
        ServerMessage.KickVote second = room.vote(2, "aish", "unith");
        assertThat(second.kicked()).isTrue();
        assertThat(second.message()).isEqualTo("unith was kicked out of the room by the votes of loki, aish.");
        assertThat(unith.out.endedWith).isEqualTo(ErrorCode.KICKED);
        assertThat(unith.out.reason).contains("the votes of loki, aish").contains("23 Feb 2021 15:10:00");
        assertThat(presence.stay("unith")).isEmpty();
        for (Line other : List.of(loki, aish)) {
            assertThat(other.kicks()).singleElement().satisfies(k -> {
                assertThat(k.user()).isEqualTo("unith");
                assertThat(k.by()).containsExactly("loki", "aish");
                assertThat(k.until()).isEqualTo("23 Feb 2021 15:10:00");
            });
        }
        assertThat(unith.kicks()).isEmpty();
    }

    @Test
    void theSameVoterTwiceCountsOnce() {
        enter("loki");
        Line unith = enter("unith");
        room.vote(1, "loki", "unith");
        ServerMessage.KickVote again = room.vote(2, "loki", "unith");
        assertThat(again.votes()).isEqualTo(1);
        assertThat(again.kicked()).isFalse();
        assertThat(again.message()).startsWith("You already voted to kick unith");
        assertThat(unith.out.endedWith).isNull();
    }

    @Test
    void nobodyVotesForThemselvesNorForSomeoneAbsentOrUnknown() {
        enter("loki");
        assertCode(() -> room.vote(1, "loki", "loki"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> room.vote(2, "loki", "aish"), ErrorCode.USER_OFFLINE);
        assertCode(() -> room.vote(3, "loki", "nobody"), ErrorCode.UNKNOWN_USER);
    }

    @Test
    void votesLapseAfterTheWindow() {
        enter("loki");
        enter("aish");
        Line unith = enter("unith");
        room.vote(1, "loki", "unith");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        ServerMessage.KickVote late = room.vote(2, "aish", "unith");
        assertThat(late.votes()).isEqualTo(1);
        assertThat(late.kicked()).isFalse();
        assertThat(unith.out.endedWith).isNull();
        assertThat(room.standingVotes()).containsEntry("unith", 1);
    }

    @Test
    void votesForAUserWhoLeftLapseEvenIfTheyComeBack() {
        enter("loki");
        enter("aish");
        Line unith = enter("unith");
        room.vote(1, "loki", "unith");
        presence.leave(unith.session);
        Line back = enter("unith");
        ServerMessage.KickVote vote = room.vote(2, "aish", "unith");
        assertThat(vote.votes()).isEqualTo(1);
        assertThat(back.out.endedWith).isNull();
        presence.leave(back.session);
        assertThat(room.standingVotes()).as("the votes of an ended stay do not stand").isEmpty();
    }

    @Test
    void aTakeoverByTheSameClientIsTheSameStayAndKeepsTheVotes() {
        enter("loki");
        enter("aish");
        enter(presence, "unith", "phone");
        room.vote(1, "loki", "unith");
        Line takenOver = enter(presence, "unith", "phone");
        assertThat(room.vote(2, "aish", "unith").kicked()).isTrue();
        assertThat(takenOver.out.endedWith).isEqualTo(ErrorCode.KICKED);
    }

    @Test
    void withSeveralSessionsTheStayLastsUntilTheLastOneLeavesAndAKickEndsThemAll() {
        PresenceService several = new PresenceService(new SqliteLoginStore(db),
                new BlockService(new SqliteBlockStore(db), accounts), clock, new Timestamps(ZoneId.of("UTC")), true);
        RoomService multi = new RoomService(new RoomPolicy(null, 2, Duration.ofMinutes(5), Duration.ofMinutes(10)),
                HASHER, LockoutPolicy.DEFAULT, accounts, several, clock, new Timestamps(ZoneId.of("UTC")));
        enter(several, "loki", null);
        enter(several, "aish", null);
        Line phone = enter(several, "unith", "phone");
        Line laptop = enter(several, "unith", "laptop");
        multi.vote(1, "loki", "unith");
        several.leave(phone.session); // the other session stays: so does the vote
        assertThat(multi.vote(2, "aish", "unith").kicked()).isTrue();
        assertThat(laptop.out.endedWith).isEqualTo(ErrorCode.KICKED);
        assertThat(several.stay("unith")).isEmpty();
    }

    @Test
    void aSecondKickOfAUserAlreadyBannedChangesNothing() {
        enter("unith");
        Instant until = clock.instant().plus(Duration.ofMinutes(10));
        assertThat(presence.ban("unith", until)).hasSize(1);
        assertThat(presence.ban("unith", until.plusSeconds(60))).isNull();
        assertThatThrownBy(() -> enter("unith")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(600));
    }

    @Test
    void aKickedUserCannotReturnUntilTheBanEnds() {
        enter("loki");
        enter("aish");
        enter("unith");
        room.vote(1, "loki", "unith");
        room.vote(2, "aish", "unith");
        assertThatThrownBy(() -> enter("unith")).isInstanceOfSatisfying(ChatException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BANNED);
            assertThat(e.retryAfterSeconds()).isEqualTo(600);
            assertThat(e.getMessage()).contains("23 Feb 2021 15:10:00");
        });
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThatThrownBy(() -> enter("unith")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(enter("unith").session).isNotNull();
    }

    @Test
    void theOperatorKicksAtOnceAndAnnouncesToEveryone() {
        Line loki = enter("loki");
        Line unith = enter("unith");
        assertThat(room.kick("unith")).isEqualTo("unith was kicked out of the room by the server's operator.");
        assertThat(unith.out.endedWith).isEqualTo(ErrorCode.KICKED);
        assertThat(loki.kicks()).singleElement().satisfies(k -> assertThat(k.by()).isEmpty());
        assertCode(() -> room.kick("unith"), ErrorCode.USER_OFFLINE);
        assertThat(room.say("The room closes at ten")).isEqualTo(1);
        assertThat(loki.out.pushed).contains(new ServerMessage.Notice("The room closes at ten", "23 Feb 2021 15:00:00"));
        assertThatThrownBy(() -> room.say(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneVoteIsEnoughWhenTheServerSaysSo() {
        RoomService strict = room(new RoomPolicy(null, 1, Duration.ofMinutes(5), Duration.ofMinutes(10)));
        enter("loki");
        Line unith = enter("unith");
        assertThat(strict.vote(1, "loki", "unith").kicked()).isTrue();
        assertThat(unith.out.endedWith).isEqualTo(ErrorCode.KICKED);
    }
}
