package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.protocol.BoardEntry;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import static chatlab.testing.Outcomes.codeOf;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import chatlab.store.Database;
import chatlab.store.SqliteBoardStore;
import chatlab.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardServiceTest {
    @TempDir
    Path dir;
    private Database db;
    private BoardService board;
    private final ManualClock clock = new ManualClock(Instant.parse("2021-02-23T15:00:01Z"));
    private final Timestamps ts = new Timestamps(ZoneId.of("UTC"));

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        board = new BoardService(new SqliteBoardStore(db), clock, ts);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String post(String user, String text) {
        String at = board.post(1, user, text).timestamp();
        clock.advance(Duration.ofSeconds(1));
        return at;
    }


    @Test
    void postsNumberedTimestampedMessages() {
        ServerMessage.BoardAck ack = board.post(7, "Yoda", "do or do not");
        assertThat(ack.id()).isEqualTo(7);
        assertThat(ack.number()).isEqualTo(1);
        assertThat(ack.message()).isEqualTo("Message #1 posted at 23 Feb 2021 15:00:01.");
    }

    @Test
    void editsOnlyYourOwnMessageWithTheRightNumberAndTimestamp() {
        String first = post("Yoda", "one");
        assertThat(codeOf(() -> board.edit(1, "Hans", 1, first, "x"))).isEqualTo(ErrorCode.NOT_OWNER);
        assertThat(codeOf(() -> board.edit(1, "Yoda", 2, first, "x"))).isEqualTo(ErrorCode.NO_SUCH_MESSAGE);
        assertThat(codeOf(() -> board.edit(1, "Yoda", 1, "01 Jan 2020 00:00:00", "x"))).isEqualTo(ErrorCode.TIMESTAMP_MISMATCH);
        assertThat(codeOf(() -> board.edit(1, "Yoda", 1, "whenever", "x"))).isEqualTo(ErrorCode.INVALID_TIMESTAMP);
        ServerMessage.BoardAck ack = board.edit(1, "Yoda", 1, first, "uno");
        assertThat(ack.message()).isEqualTo("Message #1 edited at 23 Feb 2021 15:00:02.");
        BoardEntry entry = board.log(1, null).messages().getFirst();
        assertThat(entry).isEqualTo(new BoardEntry(1, "Yoda", "uno", "23 Feb 2021 15:00:02", true));
        assertThat(codeOf(() -> board.edit(1, "Yoda", 1, first, "stale timestamp"))).isEqualTo(ErrorCode.TIMESTAMP_MISMATCH);
    }

    @Test
    void deletingRenumbersTheMessagesAfter() {
        post("Yoda", "one");
        String second = post("Hans", "two");
        post("Yoda", "three");
        assertThat(codeOf(() -> board.delete(1, "Yoda", 2, second))).isEqualTo(ErrorCode.NOT_OWNER);
        assertThat(board.delete(1, "Hans", 2, second).message()).startsWith("Message #2 deleted at");
        assertThat(board.log(1, null).messages()).extracting(BoardEntry::number, BoardEntry::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "one"), org.assertj.core.groups.Tuple.tuple(2, "three"));
    }

    @Test
    void readsMessagesStrictlyLaterThanTheTimestamp() {
        String first = post("Yoda", "one");
        post("Hans", "two");
        assertThat(board.readSince(1, first, null).messages()).extracting(BoardEntry::text).containsExactly("two");
        ServerMessage.BoardMessages none = board.readSince(1, "01 Jan 2030 00:00:00", null);
        assertThat(none.messages()).isEmpty();
        assertThat(none.message()).isEqualTo("no new message");
    }

    @Test
    void anEditMovesAMessageIntoLaterReads() {
        String first = post("Yoda", "one");
        String second = post("Hans", "two");
        board.edit(1, "Yoda", 1, first, "one, edited");
        assertThat(board.readSince(1, second, null).messages()).extracting(BoardEntry::text).containsExactly("one, edited");
    }

    @Test
    void survivesARestart() {
        post("Yoda", "kept");
        BoardService reopened = new BoardService(new SqliteBoardStore(db), clock, ts);
        assertThat(reopened.log(1, null).messages()).extracting(BoardEntry::text).containsExactly("kept");
    }

    @Test
    void pagesALongBoardToFitFrames() {
        for (int i = 0; i < 60; i++) {
            board.post(1, "Yoda", i + ":" + "x".repeat(4000));
        }
        ServerMessage.BoardMessages page = board.log(1, null);
        assertThat(page.next()).isNotNull();
        assertThat(page.messages().size()).isBetween(1, 59);
        int total = page.messages().size();
        for (int guard = 0; page.next() != null && guard < 100; guard++) {
            page = board.log(1, page.next());
            total += page.messages().size();
        }
        assertThat(total).isEqualTo(60);
        assertThatThrownBy(() -> board.log(1, "garbage")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
