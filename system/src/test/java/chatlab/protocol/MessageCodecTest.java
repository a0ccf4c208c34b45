package chatlab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCodecTest {
    private final MessageCodec codec = MessageCodec.instance();

    private static final List<ClientMessage> REQUESTS = List.of(
            new ClientMessage.Hello(1, 1, "test", true),
            new ClientMessage.Signup(2, "+61410666666", "kara1234"),
            new ClientMessage.Login(3, "Yoda", "wise@!man", 6000),
            new ClientMessage.Logout(4),
            new ClientMessage.Send(5, Audience.MULTICAST, List.of("a", "b"), List.of(), "hi \"there\"\n", "k-1"),
            new ClientMessage.Ack(6, 42),
            new ClientMessage.Post(7, "héllo ✓"),
            new ClientMessage.Edit(8, 2, "23 Feb 2021 15:00:01", "new"),
            new ClientMessage.Delete(9, 3, "23 Feb 2021 15:00:01"),
            new ClientMessage.Read(10, "23 Feb 2021 15:00:01", "17"),
            new ClientMessage.Who(11, null),
            new ClientMessage.WhoElseSince(12, 3600, null),
            new ClientMessage.Block(13, "Hans"),
            new ClientMessage.Unblock(14, "Hans"),
            new ClientMessage.UserLog(15, null),
            new ClientMessage.MessageLog(16, "4"),
            new ClientMessage.SendFile(18, Audience.BLOCKCAST, List.of(), List.of("x"), "notes.txt", 10, "ab".repeat(32)),
            new ClientMessage.DownloadTempId(19),
            new ClientMessage.UploadContacts(20, "up-1", List.of(
                    new ContactEntry("12345678901234567890", "23/02/2021 15:00:00", "23/02/2021 15:14:59"))),
            new ClientMessage.TraceContacts(21),
            new ClientMessage.Room(23, "lokipass"),
            new ClientMessage.Kick(24, "unith"),
            new ClientMessage.Ping(17),
            new ClientMessage.Send(25, Audience.GROUP, List.of(), List.of(), "**hi**", null, "team", TextFormat.MARKDOWN),
            new ClientMessage.SetProfile(26, "Yoda", "Jedi master\nof Dagobah"),
            new ClientMessage.SetAvatar(27, "iVBORw0KGgo="),
            new ClientMessage.GetProfile(28, "Yoda"),
            new ClientMessage.GetAvatar(29, "Yoda"),
            new ClientMessage.PublishKey(40, java.util.Base64.getEncoder().encodeToString(new byte[32])),
            new ClientMessage.GetKey(41, "Yoda"),
            new ClientMessage.Peer(42, "Yoda"),
            new ClientMessage.SetStatus(30, UserStatus.DND, "meditating"),
            new ClientMessage.CreateGroup(31, "jedi", "the council", false),
            new ClientMessage.Invite(32, "jedi", "Luke"),
            new ClientMessage.Join(33, "jedi"),
            new ClientMessage.Leave(34, "jedi"),
            new ClientMessage.Groups(35, "jedi"),
            new ClientMessage.Members(36, "jedi", null),
            new ClientMessage.History(37, "jedi", "120"),
            new ClientMessage.SearchMessages(38, "force*", null),
            new ClientMessage.SearchUsers(39, "dagobah", "50"));

    private static final List<ServerMessage> RESPONSES = List.of(
            new ServerMessage.Welcome(1, 1, "chatlab/test", 65_536, "UTC"),
            new ServerMessage.LoggedIn(2, "Yoda", "23 Feb 2021 15:00:01", "Welcome to TOOM!", 3),
            new ServerMessage.Ok(3, "fine"),
            new ServerMessage.Sent(4, 9, 3, 1, List.of("x"), "Message sent"),
            new ServerMessage.BoardAck(5, BoardAction.EDITED, 1, "23 Feb 2021 15:00:01", "Message #1 edited"),
            new ServerMessage.BoardMessages(6, List.of(new BoardEntry(1, "Yoda", "t", "23 Feb 2021 15:00:01", true)), "9", null),
            new ServerMessage.ActiveUsers(7, List.of(new ActiveUser(1, "Yoda", "23 Feb 2021 15:00:01", "127.0.0.1", 6000)), null, null),
            new ServerMessage.RecentUsers(8, List.of(new RecentUser("Hans", "23 Feb 2021 15:00:01", false)), null, null),
            new ServerMessage.Error(9, ErrorCode.WRONG_PASSWORD, "Invalid Password. Please try again", 2, null),
            new ServerMessage.FileOffers(11, List.of(new FileRoute("bob", 4_503_599_627_370_495L, "a2V5", "127.0.0.1", 6001)),
                    List.of("carol"), List.of(), "Sending notes.txt to 1 user"),
            new ServerMessage.IncomingFile("alice", "notes.txt", 10, "ab".repeat(32), 7, "a2V5", "127.0.0.1", 6000),
            new ServerMessage.TempId(12, "12345678901234567890", "23/02/2021 15:00:00", "23/02/2021 15:14:59", "ok"),
            new ServerMessage.ContactsStored(13, "up-1", 2, 1),
            new ServerMessage.ContactTrace(14, List.of(new Contact("bob", "23/02/2021 15:00:00", "12345678901234567890")),
                    List.of(new Unmatched("00000000000000000000", "23/02/2021 15:00:00", "23/02/2021 15:14:59",
                            "unknown tempID")), "1 contact"),
            new ServerMessage.Chat(10, 4, "Hans", Audience.BLOCKCAST, "hi", "23 Feb 2021 15:00:01"),
            new ServerMessage.Presence("Hans", PresenceState.ONLINE, "23 Feb 2021 15:00:01"),
            new ServerMessage.KickVote(15, "unith", 1, 2, false, "1 of 2 votes"),
            new ServerMessage.Kicked("unith", List.of("loki", "aish"), "23 Feb 2021 15:10:01", "unith was kicked out"),
            new ServerMessage.Notice("The room closes at ten", "23 Feb 2021 15:00:01"),
            new ServerMessage.Disconnect(ErrorCode.SERVER_SHUTDOWN, "bye"),
            new ServerMessage.Chat(11, 5, "Yoda", Audience.GROUP, "**hi**", "23 Feb 2021 15:00:01", "jedi",
                    TextFormat.MARKDOWN, true),
            new ServerMessage.Status("Yoda", UserStatus.AWAY, "back soon", "23 Feb 2021 15:00:01"),
            new ServerMessage.ProfileChanged("Yoda", "Master Yoda", "Jedi", "image/png", "23 Feb 2021 15:00:01"),
            new ServerMessage.GroupChanged("jedi", "Luke", "invited", "Yoda", "23 Feb 2021 15:00:01"),
            new ServerMessage.ProfileInfo(16, new UserProfile("Yoda", "Master Yoda", "Jedi", "image/png", 68,
                    UserStatus.ONLINE, null, "23 Feb 2021 15:00:01")),
            new ServerMessage.Avatar(17, "Yoda", "image/png", "iVBORw0KGgo="),
            new ServerMessage.IdentityKey(18, "Yoda", java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    "6668 7aad f862 bd77 6c8f c18b 8e9f 8e20", "23 Feb 2021 15:00:01", "Yoda's identity key."),
            new ServerMessage.PeerInfo(19, "Yoda", "127.0.0.1", 5001, java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    "6668 7aad f862 bd77 6c8f c18b 8e9f 8e20", "Yoda takes direct messages at 127.0.0.1:5001."),
            new ServerMessage.GroupList(18, List.of(new GroupInfo("jedi", "the council", "Yoda", false, 2, true,
                    "23 Feb 2021 15:00:01")), "jedi", null),
            new ServerMessage.MemberList(19, "jedi", List.of(new GroupMember("Luke", "23 Feb 2021 15:00:01")), null),
            new ServerMessage.Messages(20, List.of(new StoredMessage(5, "Yoda", "group", "jedi", "**hi**",
                    TextFormat.MARKDOWN, "23 Feb 2021 15:00:01", "[hi]", null)), "5", null),
            new ServerMessage.Users(21, List.of(new UserProfile("Luke", null, null, null, null, null, null, null)),
                    null, null));

    @Test
    void everyRequestTypeRoundTrips() {
        assertThat(REQUESTS.stream().map(Object::getClass).distinct().toList()).containsExactlyInAnyOrderElementsOf(
                MessageCodec.leaves(ClientMessage.class));
        for (ClientMessage request : REQUESTS) {
            String text = codec.encode(request);
            assertThat(text).startsWith("{\"type\":\"" + MessageCodec.wireName(request.getClass()) + "\"");
            assertThat(codec.decodeClient(text)).isEqualTo(request);
        }
    }

    @Test
    void noFrameHasAFieldThatClashesWithItsType() {
        for (Class<?> leaf : java.util.stream.Stream.concat(MessageCodec.leaves(ClientMessage.class).stream(),
                MessageCodec.leaves(ServerMessage.class).stream()).toList()) {
            assertThat(leaf.getRecordComponents()).as(leaf.getSimpleName())
                    .extracting(java.lang.reflect.RecordComponent::getName).doesNotContain("type");
        }
    }

    @Test
    void everyServerMessageTypeRoundTrips() {
        assertThat(RESPONSES.stream().map(Object::getClass).distinct().toList()).containsExactlyInAnyOrderElementsOf(
                MessageCodec.leaves(ServerMessage.class));
        for (ServerMessage message : RESPONSES) {
            String text = codec.encode(message);
            assertThat(text).startsWith("{\"type\":\"" + MessageCodec.wireName(message.getClass()) + "\"");
            assertThat(codec.decodeServer(text)).isEqualTo(message);
        }
    }

    @Test
    void theOptionalFieldsOfSessionsRoundTrip() {
        List<Object> messages = List.of(new ClientMessage.Login(22, "Yoda", "wise@!man", null, "phone-1:a_b.c"),
                new ServerMessage.Welcome(15, 1, "chatlab/test", 65_536, "UTC", 90, true, "toom"),
                new ServerMessage.LoggedIn(16, "Yoda", "23 Feb 2021 15:00:01", "Welcome to TOOM!", 0, true),
                new ServerMessage.Disconnect(ErrorCode.SESSION_REPLACED, "replaced"),
                new ServerMessage.Disconnect(ErrorCode.IDLE_TIMEOUT, "silent"));
        for (Object message : messages) {
            if (message instanceof ClientMessage request) {
                assertThat(codec.decodeClient(codec.encode(request))).isEqualTo(request);
            } else {
                ServerMessage sent = (ServerMessage) message;
                assertThat(codec.decodeServer(codec.encode(sent))).isEqualTo(sent);
            }
        }
        assertThat(codec.encode(new ServerMessage.LoggedIn(2, "Yoda", "t", "w", 0))).doesNotContain("replaced");
        assertThat(codec.encode(new ServerMessage.Welcome(1, 1, "s", 1, "UTC"))).doesNotContain("idleTimeout")
                .doesNotContain("room");
        assertThat(codec.encode(new ClientMessage.Room(1, "lokipass"))).contains("lokipass");
        assertThat(new ClientMessage.Room(1, "lokipass").toString()).doesNotContain("lokipass");
    }

    @Test
    void writesEnumsAndErrorCodesInLowercaseAndLeavesOutNulls() {
        assertThat(codec.encode(new ServerMessage.Error(3, ErrorCode.ACCOUNT_BLOCKED, "blocked", null, 7L)))
                .isEqualTo("{\"type\":\"error\",\"id\":3,\"code\":\"account_blocked\",\"message\":\"blocked\",\"retryAfterSeconds\":7}");
    }

    @Test
    void readsEnumsInAnyCaseAndIgnoresUnknownFields() {
        assertThat(codec.decodeClient("{\"type\":\"send\",\"id\":1,\"mode\":\"BroadCast\",\"text\":\"x\",\"future\":[1]}"))
                .isEqualTo(new ClientMessage.Send(1, Audience.BROADCAST, List.of(), List.of(), "x", null));
    }

    @Test
    void masksPasswordsInToString() {
        assertThat(new ClientMessage.Login(1, "u", "secret", null).toString()).doesNotContain("secret");
        assertThat(new ClientMessage.Signup(1, "u", "secret").toString()).doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "not json                                                   | MALFORMED_FRAME  | 0",
            "[1,2]                                                      | MALFORMED_FRAME  | 0",
            "\"ping\"                                                   | MALFORMED_FRAME  | 0",
            "{\"id\":4}                                                 | MALFORMED_FRAME  | 4",
            "{\"type\":\"ping\",\"id\":5} trailing                      | MALFORMED_FRAME  | 5",
            "{\"type\":\"nope\",\"id\":6}                               | UNKNOWN_TYPE     | 6",
            "{\"type\":\"ping\"}                                        | INVALID_ARGUMENT | 0",
            "{\"type\":\"ping\",\"id\":-3}                              | INVALID_ARGUMENT | 0",
            "{\"type\":\"ping\",\"id\":\"7\"}                           | INVALID_ARGUMENT | 0",
            "{\"type\":\"ping\",\"id\":1.5}                             | INVALID_ARGUMENT | 0",
            "{\"type\":\"post\",\"id\":8}                               | INVALID_ARGUMENT | 8",
            "{\"type\":\"post\",\"id\":9,\"text\":5}                    | INVALID_ARGUMENT | 9",
            "{\"type\":\"post\",\"id\":10,\"text\":\"  \"}              | INVALID_ARGUMENT | 10",
            "{\"type\":\"edit\",\"id\":11,\"number\":\"1\",\"timestamp\":\"t\",\"text\":\"x\"} | INVALID_ARGUMENT | 11",
            "{\"type\":\"send\",\"id\":12,\"mode\":\"unicast\",\"to\":[\"a\",\"b\"],\"text\":\"x\"} | INVALID_ARGUMENT | 12",
            "{\"type\":\"send\",\"id\":13,\"mode\":\"shout\",\"text\":\"x\"} | INVALID_ARGUMENT | 13",
            "{\"type\":\"send\",\"id\":14,\"mode\":\"broadcast\",\"to\":\"a\",\"text\":\"x\"} | INVALID_ARGUMENT | 14",
            "{\"type\":\"hello\",\"id\":15}                             | INVALID_ARGUMENT | 15",
            "{\"type\":\"login\",\"id\":16,\"user\":\"u\",\"password\":\"p\",\"udpPort\":70000} | INVALID_ARGUMENT | 16",
            "{\"type\":\"ping\",\"id\":17,\"id\":18}                    | MALFORMED_FRAME  | 0",
            "{\"type\":\"login\",\"id\":19,\"user\":\"u\",\"password\":\"p\",\"instance\":\"\"} | INVALID_ARGUMENT | 19",
            "{\"type\":\"login\",\"id\":20,\"user\":\"u\",\"password\":\"p\",\"instance\":\"a/b\"} | INVALID_ARGUMENT | 20",
            "{\"type\":1,\"id\":21}                                 | MALFORMED_FRAME  | 21",
            "{\"type\":true,\"id\":22}                              | MALFORMED_FRAME  | 22",
            "{\"type\":null,\"id\":23}                              | MALFORMED_FRAME  | 23",
            "{\"type\":\"ping\",\"id\":99999999999999999999}      | INVALID_ARGUMENT | 0",
            "{\"type\":\"ping\",\"id\":9223372036854775808}       | INVALID_ARGUMENT | 0",
            "{\"type\":\"signup\",\"id\":24,\"user\":\"\",\"password\":\"p\"} | INVALID_USERNAME | 24",
            "{\"type\":\"signup\",\"id\":25,\"user\":\"-x\",\"password\":\"p\"} | INVALID_USERNAME | 25",
            "{\"type\":\"signup\",\"id\":26,\"user\":\"a23456789012345678901234567890123\",\"password\":\"p\"} | INVALID_USERNAME | 26",
            "{\"type\":\"signup\",\"id\":27,\"user\":\"ann\",\"password\":\"\"} | INVALID_PASSWORD | 27",
            "{\"type\":\"signup\",\"id\":28,\"user\":\"ann\",\"password\":\"a\\tb\"} | INVALID_PASSWORD | 28",
            "{\"type\":\"signup\",\"id\":29,\"password\":\"p\"} | INVALID_ARGUMENT | 29",
            "{\"type\":\"signup\",\"id\":30,\"user\":\"ann\",\"password\":5} | INVALID_ARGUMENT | 30",
    })
    void namesWhatIsWrongWithABadFrame(String text, ErrorCode code, long id) {
        assertThatThrownBy(() -> codec.decodeClient(text))
                .isInstanceOfSatisfying(MessageCodec.DecodeException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.requestId()).isEqualTo(id);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("CoercionConfig");
                });
    }

    @Test
    void refusesAnOverLongSignupPasswordWithItsOwnCode() {
        String text = "{\"type\":\"signup\",\"id\":1,\"user\":\"ann\",\"password\":\""
                + "p".repeat(Protocol.MAX_PASSWORD_CHARS + 1) + "\"}";
        assertThatThrownBy(() -> codec.decodeClient(text)).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PASSWORD));
    }

    @Test
    void refusesTooLongATextWithItsOwnCode() {
        String text = "{\"type\":\"post\",\"id\":1,\"text\":\"" + "x".repeat(Protocol.MAX_TEXT_CHARS + 1) + "\"}";
        assertThatThrownBy(() -> codec.decodeClient(text))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEXT_TOO_LONG));
        String fits = "{\"type\":\"post\",\"id\":1,\"text\":\"" + "x".repeat(Protocol.MAX_TEXT_CHARS) + "\"}";
        assertThat(codec.decodeClient(fits)).isInstanceOf(ClientMessage.Post.class);
    }

    @Test
    void aMaximalChatEventFitsInOneFrameEvenWhenEveryCharacterIsEscaped() {
        String worst = "\u0001".repeat(Protocol.MAX_TEXT_CHARS);
        String user = "u".repeat(Usernames.MAX_LENGTH);
        String frame = codec.encode(new ServerMessage.Chat(Long.MAX_VALUE, Long.MAX_VALUE, user, Audience.BLOCKCAST,
                worst, "23 Feb 2021 15:00:01"));
        assertThat(Frames.encode(frame).length).isLessThanOrEqualTo(Protocol.MAX_FRAME_BYTES);
    }
}
