package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.protocol.ErrorCode;
import chatlab.protocol.Protocol;
import chatlab.protocol.ServerMessage;
import chatlab.testing.RawClient;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error code docs/PROTOCOL.md lists: the document and {@link ErrorCode} name the same
 * codes, and a real server answers each of them where the document says, over a real socket.
 */
class ErrorCodesIT {
    private static final Path PROTOCOL_MD = Path.of("..", "docs", "PROTOCOL.md");
    private static final String SHA256 = "0".repeat(64);
    private static final String ROOM_PASSWORD = "lokipass";

    /** Codes provoked by other tests, because provoking them takes time or a slow reader. */
    private static final Map<ErrorCode, String> ELSEWHERE = Map.of(
            ErrorCode.QUEUE_OVERFLOW, "SlowReaderIT",
            ErrorCode.SERVER_SHUTDOWN, "ShutdownIT",
            ErrorCode.IDLE_TIMEOUT, "IdleTimeoutIT");

    /** Codes the client library raises on its own side; a server never sends them. */
    private static final Set<ErrorCode> CLIENT_SIDE = EnumSet.of(ErrorCode.CONNECTION_LOST,
            ErrorCode.SERVER_UNREACHABLE, ErrorCode.UNTRUSTED_SERVER, ErrorCode.TIMEOUT, ErrorCode.UNEXPECTED_RESPONSE);

    @TempDir
    Path dir;

    /** How to make the server answer with one code: the server's configuration (given its folder), then the requests. */
    private record Provocation(BiConsumer<ServerConfig.Builder, Path> config, String roomPassword, boolean accounts,
            Step step) {
        Provocation(Step step) {
            this((b, folder) -> { }, null, true, step);
        }

        Provocation(Consumer<ServerConfig.Builder> config, Step step) {
            this((b, folder) -> config.accept(b), null, true, step);
        }

        /** A server with a room password, which the accounts' signups give. */
        static Provocation room(Step step) {
            return new Provocation((b, folder) -> b.roomPassword(ROOM_PASSWORD), ROOM_PASSWORD, true, step);
        }
    }

    @FunctionalInterface
    private interface Step {
        /** Sends what provokes the code and returns the error or disconnect that came back. */
        ServerMessage provoke(Bench s) throws Exception;
    }

    /** The server under test, its folder, and the connections a provocation opened, closed at the end. */
    private static final class Bench implements AutoCloseable {
        final TestServer server;
        final Path folder;
        private final List<RawClient> opened = new ArrayList<>();

        Bench(TestServer server, Path folder) {
            this.server = server;
            this.folder = folder;
        }

        RawClient raw() throws IOException {
            RawClient raw = server.raw();
            opened.add(raw);
            return raw;
        }

        @Override
        public void close() throws IOException {
            for (RawClient raw : opened) {
                raw.close();
            }
            server.close();
        }
    }

    private static Map<ErrorCode, Provocation> provocations() {
        Map<ErrorCode, Provocation> all = new LinkedHashMap<>();
        all.put(ErrorCode.MALFORMED_FRAME, new Provocation(s -> answer(loggedIn(s), "not json", 0)));
        all.put(ErrorCode.INVALID_UTF8, new Provocation(s -> {
            RawClient raw = loggedIn(s);
            raw.sendBytes(new byte[] {'{', (byte) 0xff, '}', '\n'});
            return raw.awaitResponse(0);
        }));
        all.put(ErrorCode.FRAME_TOO_LARGE, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"post\",\"id\":3,\"text\":\"" + "x".repeat(Protocol.MAX_FRAME_BYTES) + "\"}", 0)));
        all.put(ErrorCode.UNKNOWN_TYPE, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"teleport\",\"id\":3}", 3)));
        all.put(ErrorCode.INVALID_ARGUMENT, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"post\",\"id\":3}", 3)));
        all.put(ErrorCode.HANDSHAKE_REQUIRED, new Provocation(s -> answer(s.raw(),
                "{\"type\":\"login\",\"id\":1,\"user\":\"Yoda\",\"password\":\"pw\"}", 1)));
        all.put(ErrorCode.UNSUPPORTED_VERSION, new Provocation(s -> answer(s.raw(),
                "{\"type\":\"hello\",\"id\":1,\"version\":99}", 1)));
        all.put(ErrorCode.NOT_LOGGED_IN, new Provocation(s -> answer(hello(s.raw()),
                "{\"type\":\"who\",\"id\":2}", 2)));
        all.put(ErrorCode.ALREADY_LOGGED_IN, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"login\",\"id\":3,\"user\":\"Yoda\",\"password\":\"pw\"}", 3)));
        all.put(ErrorCode.DUPLICATE_SESSION, new Provocation(s -> {
            loggedIn(s);
            return answer(hello(s.raw()), login("Yoda", "pw", 2), 2);
        }));
        all.put(ErrorCode.UNKNOWN_USER, new Provocation(s -> answer(hello(s.raw()), login("Nobody", "pw", 2), 2)));
        all.put(ErrorCode.WRONG_PASSWORD, new Provocation(s -> answer(hello(s.raw()), login("Yoda", "no", 2), 2)));
        all.put(ErrorCode.ACCOUNT_BLOCKED, new Provocation(s -> {
            RawClient raw = hello(s.raw());
            answer(raw, login("Yoda", "no", 2), 2);
            answer(raw, login("Yoda", "no", 3), 3);
            return answer(raw, login("Yoda", "no", 4), 4);
        }));
        all.put(ErrorCode.USERNAME_TAKEN, new Provocation(s -> answer(hello(s.raw()), signup("Yoda", "pw", 2), 2)));
        all.put(ErrorCode.INVALID_USERNAME, new Provocation(s -> answer(hello(s.raw()), signup("-x", "pw", 2), 2)));
        all.put(ErrorCode.INVALID_PASSWORD, new Provocation(s -> answer(hello(s.raw()), signup("Ann", "", 2), 2)));
        all.put(ErrorCode.SIGNUP_DISABLED, new Provocation((b, folder) -> b.signupEnabled(false), null, false,
                s -> answer(hello(s.raw()), signup("Ann", "pw", 2), 2)));
        all.put(ErrorCode.ROOM_PASSWORD_REQUIRED, Provocation.room(
                s -> answer(hello(s.raw()), login("Yoda", "pw", 2), 2)));
        all.put(ErrorCode.WRONG_ROOM_PASSWORD, Provocation.room(
                s -> answer(hello(s.raw()), room("nope", 2), 2)));
        all.put(ErrorCode.ROOM_BLOCKED, Provocation.room(s -> {
            RawClient raw = hello(s.raw());
            for (int id = 2; id < 12; id++) {
                ServerMessage answer = answer(raw, room("nope", id), id);
                if (answer instanceof ServerMessage.Error e && e.code() == ErrorCode.ROOM_BLOCKED) {
                    return answer;
                }
            }
            throw new AssertionError("ten wrong room passwords did not block the address");
        }));
        all.put(ErrorCode.KICKED, new Provocation(s -> awaitDisconnect(kickedYoda(s))));
        all.put(ErrorCode.BANNED, new Provocation(s -> {
            awaitDisconnect(kickedYoda(s));
            return answer(hello(s.raw()), login("Yoda", "pw", 2), 2);
        }));
        all.put(ErrorCode.TEXT_TOO_LONG, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"post\",\"id\":3,\"text\":\"" + "x".repeat(Protocol.MAX_TEXT_CHARS + 1) + "\"}", 3)));
        all.put(ErrorCode.RECIPIENT_BLOCKED, new Provocation(s -> {
            answer(loggedIn(s, "Bob"), "{\"type\":\"block\",\"id\":3,\"user\":\"Yoda\"}", 3);
            return answer(loggedIn(s), "{\"type\":\"send\",\"id\":3,\"mode\":\"unicast\",\"to\":[\"Bob\"],"
                    + "\"text\":\"hi\"}", 3);
        }));
        all.put(ErrorCode.USER_OFFLINE, new Provocation(s -> answer(loggedIn(s, "Yoda", 7001),
                sendFile(3), 3)));
        all.put(ErrorCode.NO_UDP_PORT, new Provocation(s -> answer(loggedIn(s), sendFile(3), 3)));
        all.put(ErrorCode.NO_SUCH_MESSAGE, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"delete\",\"id\":3,\"number\":1,\"timestamp\":\"23 Feb 2021 15:00:00\"}", 3)));
        all.put(ErrorCode.AVATAR_TOO_LARGE, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"setAvatar\",\"id\":3,\"data\":\"" + "A".repeat(48_000) + "\"}", 3)));
        all.put(ErrorCode.UNSUPPORTED_MEDIA_TYPE, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"setAvatar\",\"id\":3,\"data\":\"PHN2Zz4=\"}", 3)));
        all.put(ErrorCode.NO_AVATAR, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"getAvatar\",\"id\":3,\"user\":\"Yoda\"}", 3)));
        all.put(ErrorCode.NO_KEY, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"getKey\",\"id\":3,\"user\":\"Yoda\"}", 3)));
        all.put(ErrorCode.NO_SUCH_GROUP, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"join\",\"id\":3,\"group\":\"jedi\"}", 3)));
        all.put(ErrorCode.GROUP_EXISTS, new Provocation(s -> {
            RawClient raw = loggedIn(s);
            answer(raw, "{\"type\":\"createGroup\",\"id\":3,\"group\":\"jedi\"}", 3);
            return answer(raw, "{\"type\":\"createGroup\",\"id\":4,\"group\":\"jedi\"}", 4);
        }));
        all.put(ErrorCode.NOT_A_MEMBER, new Provocation(s -> {
            answer(loggedIn(s, "Bob"), "{\"type\":\"createGroup\",\"id\":3,\"group\":\"jedi\",\"open\":true}", 3);
            return answer(loggedIn(s), "{\"type\":\"send\",\"id\":3,\"mode\":\"group\",\"group\":\"jedi\","
                    + "\"text\":\"hi\"}", 3);
        }));
        all.put(ErrorCode.NOT_INVITED, new Provocation(s -> {
            answer(loggedIn(s, "Bob"), "{\"type\":\"createGroup\",\"id\":3,\"group\":\"jedi\"}", 3);
            return answer(loggedIn(s), "{\"type\":\"join\",\"id\":3,\"group\":\"jedi\"}", 3);
        }));
        all.put(ErrorCode.NOT_OWNER, new Provocation(s -> {
            String timestamp = post(loggedIn(s, "Bob"));
            return answer(loggedIn(s), "{\"type\":\"delete\",\"id\":3,\"number\":1,\"timestamp\":\"" + timestamp
                    + "\"}", 3);
        }));
        all.put(ErrorCode.TIMESTAMP_MISMATCH, new Provocation(s -> {
            RawClient raw = loggedIn(s);
            post(raw);
            return answer(raw, "{\"type\":\"delete\",\"id\":4,\"number\":1,\"timestamp\":\"01 Jan 2020 00:00:00\"}", 4);
        }));
        all.put(ErrorCode.INVALID_TIMESTAMP, new Provocation(s -> answer(loggedIn(s),
                "{\"type\":\"read\",\"id\":3,\"since\":\"soon\"}", 3)));
        all.put(ErrorCode.RATE_LIMITED, new Provocation(b -> b.rateLimit(1), s -> {
            RawClient raw = loggedIn(s);
            for (int id = 3; id < 40; id++) {
                raw.send("{\"type\":\"who\",\"id\":" + id + "}");
            }
            for (int id = 3; id < 40; id++) {
                if (raw.awaitResponse(id) instanceof ServerMessage.Error e && e.code() == ErrorCode.RATE_LIMITED) {
                    return e;
                }
            }
            throw new AssertionError("37 requests at once were all let through at 1 a second");
        }));
        all.put(ErrorCode.SESSION_REPLACED, new Provocation(s -> {
            RawClient first = hello(s.raw());
            answer(first, "{\"type\":\"login\",\"id\":2,\"user\":\"Yoda\",\"password\":\"pw\",\"instance\":\"a\"}", 2);
            answer(hello(s.raw()), "{\"type\":\"login\",\"id\":2,\"user\":\"Yoda\",\"password\":\"pw\","
                    + "\"instance\":\"a\"}", 2);
            return awaitDisconnect(first);
        }));
        // a tempIDs.txt the server cannot append to: a failure of the server itself, not of the request
        all.put(ErrorCode.INTERNAL, new Provocation((b, folder) -> b.tempIdsFile(folder.resolve("tempIDs.txt")), null, true,
                s -> {
            Path file = s.folder.resolve("tempIDs.txt");
            await().atMost(Recorder.WAIT).until(() -> Files.exists(file));
            Files.delete(file);
            Files.createDirectory(file);
            return answer(loggedIn(s), "{\"type\":\"downloadTempId\",\"id\":3}", 3);
        }));
        return all;
    }

    /** Yoda, kicked out by the votes of Bob and Obi. */
    private static RawClient kickedYoda(Bench server) throws IOException {
        RawClient yoda = loggedIn(server);
        answer(loggedIn(server, "Bob"), "{\"type\":\"kick\",\"id\":3,\"user\":\"Yoda\"}", 3);
        answer(loggedIn(server, "Obi"), "{\"type\":\"kick\",\"id\":3,\"user\":\"Yoda\"}", 3);
        return yoda;
    }

    @TestFactory
    Stream<DynamicTest> theServerAnswersEachCodeWhereTheDocumentSays() {
        return provocations().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey().wire(), () -> {
            Path folder = Files.createDirectory(dir.resolve(entry.getKey().wire()));
            try (Bench bench = new Bench(TestServer.start(folder, b -> entry.getValue().config().accept(b, folder)),
                    folder)) {
                bench.server.roomPassword(entry.getValue().roomPassword());
                for (String user : entry.getValue().accounts() ? List.of("Yoda", "Bob", "Obi") : List.<String>of()) {
                    bench.server.signup(user, "pw");
                }
                ServerMessage answer = entry.getValue().step().provoke(bench);
                ErrorCode code = switch (answer) {
                    case ServerMessage.Error e -> {
                        assertThat(e.message()).as("the message for people").isNotBlank();
                        yield e.code();
                    }
                    case ServerMessage.Disconnect d -> d.code();
                    default -> throw new AssertionError("expected an error, got " + answer);
                };
                assertThat(code).isEqualTo(entry.getKey());
            }
        }));
    }

    @Test
    void theDocumentAndTheCodeNameTheSameCodes() throws IOException {
        String document = Files.readString(PROTOCOL_MD, StandardCharsets.UTF_8);
        Set<String> inTable = tableCodes(document);
        Set<String> serverCodes = Arrays.stream(ErrorCode.values()).filter(c -> !CLIENT_SIDE.contains(c))
                .map(ErrorCode::wire).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inTable).as("the error table of docs/PROTOCOL.md").isEqualTo(serverCodes);
        for (ErrorCode code : CLIENT_SIDE) {
            assertThat(document).as("the client-side codes of docs/PROTOCOL.md").contains("- `" + code.wire() + "`");
        }
    }

    @Test
    void everyCodeAServerSendsIsProvokedHereOrByTheTestNamed() {
        Set<ErrorCode> covered = EnumSet.noneOf(ErrorCode.class);
        covered.addAll(provocations().keySet());
        covered.addAll(ELSEWHERE.keySet());
        covered.addAll(CLIENT_SIDE);
        assertThat(covered).containsExactlyInAnyOrder(ErrorCode.values());
    }

    /** The codes in the first column of the error table ("| code | meaning |"). */
    private static Set<String> tableCodes(String document) {
        int start = document.indexOf("| code | meaning |");
        assertThat(start).as("the error table").isNotNegative();
        Set<String> codes = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `([a-z0-9_]+)` \\|", Pattern.MULTILINE).matcher(document);
        int end = document.indexOf("\n\n", start);
        row.region(start, end < 0 ? document.length() : end);
        while (row.find()) {
            codes.add(row.group(1));
        }
        return codes;
    }

    private static RawClient hello(RawClient raw) throws IOException {
        answer(raw, "{\"type\":\"hello\",\"id\":1,\"version\":1}", 1);
        return raw;
    }

    private static RawClient loggedIn(Bench server) throws IOException {
        return loggedIn(server, "Yoda");
    }

    private static RawClient loggedIn(Bench server, String user) throws IOException {
        return loggedIn(server, user, null);
    }

    private static RawClient loggedIn(Bench server, String user, Integer udpPort) throws IOException {
        RawClient raw = hello(server.raw());
        ServerMessage answer = answer(raw, "{\"type\":\"login\",\"id\":2,\"user\":\"" + user + "\",\"password\":\"pw\""
                + (udpPort == null ? "" : ",\"udpPort\":" + udpPort) + "}", 2);
        assertThat(answer).as("the login of " + user).isInstanceOf(ServerMessage.LoggedIn.class);
        return raw;
    }

    private static String login(String user, String password, long id) {
        return "{\"type\":\"login\",\"id\":" + id + ",\"user\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    private static String signup(String user, String password, long id) {
        return "{\"type\":\"signup\",\"id\":" + id + ",\"user\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    private static String room(String password, long id) {
        return "{\"type\":\"room\",\"id\":" + id + ",\"password\":\"" + password + "\"}";
    }

    private static String sendFile(long id) {
        return "{\"type\":\"sendFile\",\"id\":" + id + ",\"mode\":\"unicast\",\"to\":[\"Bob\"],\"fileName\":\"a.txt\","
                + "\"size\":1,\"sha256\":\"" + SHA256 + "\"}";
    }

    /** Posts on the board as request 9 and returns the message's timestamp. */
    private static String post(RawClient raw) throws IOException {
        ServerMessage answer = answer(raw, "{\"type\":\"post\",\"id\":9,\"text\":\"hello\"}", 9);
        assertThat(answer).isInstanceOf(ServerMessage.BoardAck.class);
        return ((ServerMessage.BoardAck) answer).timestamp();
    }

    private static ServerMessage answer(RawClient raw, String frame, long id) throws IOException {
        raw.send(frame);
        return raw.awaitResponse(id);
    }

    private static ServerMessage awaitDisconnect(RawClient raw) {
        await().atMost(Recorder.WAIT).until(() -> raw.received().stream()
                .anyMatch(ServerMessage.Disconnect.class::isInstance));
        return raw.received().stream().filter(ServerMessage.Disconnect.class::isInstance).findFirst().orElseThrow();
    }
}
