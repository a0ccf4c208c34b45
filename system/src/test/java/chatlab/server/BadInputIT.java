package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Protocol;
import chatlab.protocol.ServerMessage;
import chatlab.testing.RawClient;
import chatlab.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input gets an error with a code, and the connection stays usable. */
class BadInputIT {
    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir);
        server.signup("Yoda", "pw");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ServerMessage.Error error(ServerMessage message) {
        assertThat(message).isInstanceOf(ServerMessage.Error.class);
        return (ServerMessage.Error) message;
    }

    /** After the bad frame, the same connection still answers. */
    private static void stillServes(RawClient raw) throws Exception {
        raw.send("{\"type\":\"ping\",\"id\":99}");
        assertThat(raw.awaitResponse(99)).isEqualTo(new ServerMessage.Ok(99, "pong"));
        assertThat(raw.closedByServer()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not json                                           | malformed_frame  | 0",
            "[\"an\",\"array\"]                                 | malformed_frame  | 0",
            "{\"id\":7}                                         | malformed_frame  | 7",
            "{\"type\":\"teleport\",\"id\":8}                   | unknown_type     | 8",
            "{\"type\":\"post\",\"id\":9}                       | invalid_argument | 9",
            "{\"type\":\"post\",\"id\":10,\"text\":[1]}         | invalid_argument | 10",
            "{\"type\":\"edit\",\"id\":11,\"number\":\"one\",\"timestamp\":\"x\",\"text\":\"t\"} | invalid_argument | 11",
            "{\"type\":\"send\",\"id\":12,\"mode\":\"unicast\",\"to\":[],\"text\":\"t\"} | invalid_argument | 12",
            "{\"type\":\"whoElseSince\",\"id\":13,\"seconds\":-5} | invalid_argument | 13",
            "{\"type\":\"read\",\"id\":14,\"since\":\"soon\"}   | invalid_timestamp | 14",
            "{\"type\":\"delete\",\"id\":15,\"number\":3,\"timestamp\":\"23 Feb 2021 15:00:01\"} | no_such_message | 15",
            "{\"type\":\"who\",\"id\":16,\"after\":\"abc\"}     | invalid_argument | 16",
            "{\"type\":\"uploadContacts\",\"id\":17,\"entries\":[]} | invalid_argument | 17",
            "{\"type\":\"uploadContacts\",\"id\":18,\"uploadId\":\"u\",\"entries\":[{\"tempId\":\"123\",\"start\":\"23/02/2021 15:00:00\",\"expiry\":\"23/02/2021 15:14:59\"}]} | invalid_argument | 18",
            "{\"type\":\"uploadContacts\",\"id\":19,\"uploadId\":\"u\",\"entries\":[{\"tempId\":\"12345678901234567890\",\"start\":\"23 Feb 2021 15:00:00\",\"expiry\":\"23/02/2021 15:14:59\"}]} | invalid_timestamp | 19",
            "{\"type\":\"uploadContacts\",\"id\":20,\"uploadId\":\"u\",\"entries\":{\"tempId\":1}} | invalid_argument | 20",
    })
    void answersABadFrameWithAnErrorAndKeepsTheConnection(String frame, String code, long id) throws Exception {
        try (RawClient raw = server.raw()) {
            raw.login("Yoda", "pw");
            raw.send(frame);
            ServerMessage.Error error = error(raw.awaitFrame(3));
            assertThat(error.code().wire()).isEqualTo(code);
            assertThat(error.id()).isEqualTo(id);
            assertThat(error.message()).isNotBlank();
            stillServes(raw);
        }
    }

    @Test
    void refusesAContactUploadOfMoreThanItsLimit() throws Exception {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i <= Protocol.MAX_CONTACTS_PER_UPLOAD; i++) {
            entries.append(i == 0 ? "" : ",").append(String.format(
                    "{\"tempId\":\"%020d\",\"start\":\"23/02/2021 15:00:00\",\"expiry\":\"23/02/2021 15:14:59\"}", i));
        }
        try (RawClient raw = server.raw()) {
            raw.login("Yoda", "pw");
            raw.send("{\"type\":\"uploadContacts\",\"id\":5,\"uploadId\":\"u\",\"entries\":[" + entries + "]}");
            ServerMessage.Error error = error(raw.awaitResponse(5));
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(error.message()).contains("at most " + Protocol.MAX_CONTACTS_PER_UPLOAD);
            stillServes(raw);
        }
    }

    @Test
    void refusesAnOversizedFrameAndRecovers() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.login("Yoda", "pw");
            raw.send("{\"type\":\"post\",\"id\":3,\"text\":\"" + "x".repeat(Protocol.MAX_FRAME_BYTES) + "\"}");
            assertThat(error(raw.awaitFrame(3)).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            stillServes(raw);
        }
    }

    @Test
    void refusesATextOverTheLimitWithItsOwnCode() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.login("Yoda", "pw");
            raw.send("{\"type\":\"post\",\"id\":3,\"text\":\"" + "x".repeat(Protocol.MAX_TEXT_CHARS + 1) + "\"}");
            ServerMessage.Error error = error(raw.awaitResponse(3));
            assertThat(error.code()).isEqualTo(ErrorCode.TEXT_TOO_LONG);
            stillServes(raw);
        }
    }

    @Test
    void refusesInvalidUtf8AndRecovers() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.login("Yoda", "pw");
            raw.sendBytes(new byte[] {'{', '"', (byte) 0xFF, '"', '}', '\n'});
            assertThat(error(raw.awaitFrame(3)).code()).isEqualTo(ErrorCode.INVALID_UTF8);
            stillServes(raw);
        }
    }

    @Test
    void requiresTheHandshakeFirst() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.send("{\"type\":\"login\",\"id\":1,\"user\":\"Yoda\",\"password\":\"pw\"}");
            assertThat(error(raw.awaitResponse(1)).code()).isEqualTo(ErrorCode.HANDSHAKE_REQUIRED);
            raw.send("{\"type\":\"hello\",\"id\":2,\"version\":1}");
            assertThat(raw.awaitResponse(2)).isInstanceOf(ServerMessage.Welcome.class);
            raw.send("{\"type\":\"hello\",\"id\":3,\"version\":1}");
            assertThat(error(raw.awaitResponse(3)).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            stillServes(raw);
        }
    }

    @Test
    void requiresALoginForCommands() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.send("{\"type\":\"hello\",\"id\":1,\"version\":1}");
            raw.send("{\"type\":\"post\",\"id\":2,\"text\":\"hi\"}");
            assertThat(error(raw.awaitResponse(2)).code()).isEqualTo(ErrorCode.NOT_LOGGED_IN);
            raw.send("{\"type\":\"downloadTempId\",\"id\":3}");
            assertThat(error(raw.awaitResponse(3)).code()).isEqualTo(ErrorCode.NOT_LOGGED_IN);
            stillServes(raw);
        }
    }

    @Test
    void refusesAnUnknownVersionClearlyAndCloses() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.send("{\"type\":\"hello\",\"id\":1,\"version\":2}");
            ServerMessage.Error error = error(raw.awaitResponse(1));
            assertThat(error.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
            assertThat(error.message()).contains("version 1 only", "version 2");
            raw.awaitClosedByServer();
        }
        try {
            ChatClient.connect("127.0.0.1", server.port(), server.clientOptions(), 7);
            throw new AssertionError("the handshake should have been refused");
        } catch (ChatException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        }
    }

    @Test
    void parsesASessionDeliveredOneByteAtATime() throws Exception {
        try (RawClient raw = server.raw()) {
            raw.trickle("{\"type\":\"hello\",\"id\":1,\"version\":1}\r\n{\"type\":\"login\",\"id\":2,"
                    + "\"user\":\"Yoda\",\"password\":\"pw\"}\n\n{\"type\":\"post\",\"id\":3,\"text\":\"ünïcödé ✓\"}\n");
            assertThat(raw.awaitResponse(3)).isInstanceOfSatisfying(ServerMessage.BoardAck.class,
                    ack -> assertThat(ack.number()).isEqualTo(1));
        }
    }

    @Test
    void survivesAStormOfGarbage() throws Exception {
        java.util.Random random = new java.util.Random(42);
        try (RawClient raw = server.raw()) {
            raw.login("Yoda", "pw");
            for (int i = 0; i < 200; i++) {
                byte[] junk = new byte[random.nextInt(200)];
                random.nextBytes(junk);
                for (int j = 0; j < junk.length; j++) {
                    if (junk[j] == '\n') {
                        junk[j] = ' ';
                    }
                }
                raw.sendBytes(junk).sendBytes("\n".getBytes(StandardCharsets.US_ASCII));
            }
            stillServes(raw);
        }
    }

    @Test
    void slowsDownAFloodOfRequestsWithoutDroppingTheConnection() throws Exception {
        try (TestServer limited = TestServer.start(dir.resolve("limited"), b -> b.rateLimit(5));
                RawClient raw = limited.raw()) {
            limited.signup("Yoda", "pw");
            raw.login("Yoda", "pw");
            for (int id = 3; id <= 20; id++) {
                raw.send("{\"type\":\"who\",\"id\":" + id + "}");
            }
            raw.awaitResponse(20);
            long limitedCount = raw.received().stream()
                    .filter(m -> m instanceof ServerMessage.Error e && e.code() == ErrorCode.RATE_LIMITED).count();
            assertThat(limitedCount).isEqualTo(10); // a burst of twice the rate passes: hello, login and 8 whos
            ServerMessage.Error error = error(raw.awaitResponse(20));
            assertThat(error.retryAfterSeconds()).isEqualTo(1L);
            // heartbeats and acknowledgements are never limited, however fast they come
            for (int id = 21; id <= 60; id++) {
                raw.send("{\"type\":\"ping\",\"id\":" + id + "}");
            }
            assertThat(raw.awaitResponse(60)).isEqualTo(new ServerMessage.Ok(60, "pong"));
            assertThat(raw.received().stream().filter(m -> m instanceof ServerMessage.Ok ok && ok.id() > 20).count())
                    .isEqualTo(40);
            limited.clock.advance(java.time.Duration.ofSeconds(1));
            stillServes(raw);
        }
    }
}
