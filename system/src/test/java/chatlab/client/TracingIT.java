package chatlab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import chatlab.p2p.beacon.Beacon;
import chatlab.p2p.beacon.ContactLog;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.ChatException;
import chatlab.protocol.Contact;
import chatlab.protocol.ContactEntry;
import chatlab.protocol.ServerMessage;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BlueTrace end to end: phones log in over TCP, beacon each other over real UDP, and upload
 * their contact logs; server and phones share the test server's manual clock, so the 3- and
 * 15-minute rules run without waiting.
 */
class TracingIT {
    private static final String KARA = "+61410666666";
    private static final String LEE = "+61410777777";
    private static final String MIA = "+61410888888";

    @TempDir
    Path dir;
    private TestServer server;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Map<String, Phone> phones = new LinkedHashMap<>();

    /** A logged-in phone: a chat client, a UDP endpoint and the tracing client over both. */
    private final class Phone implements TracingClient.Listener, AutoCloseable {
        final List<TracingClient.Heard> heard = new CopyOnWriteArrayList<>();
        final List<ServerMessage.TempId> renewed = new CopyOnWriteArrayList<>();
        final List<ContactLog.Entry> expired = new CopyOnWriteArrayList<>();
        final ChatClient client;
        final PeerEndpoint endpoint;
        final TracingClient tracing;

        Phone(String user) throws Exception {
            endpoint = PeerEndpoint.open("127.0.0.1", 0, Impairment.NONE, 1);
            client = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions());
            ChatClient.await(client.login(user, "kara1234", endpoint.port()));
            tracing = new TracingClient(client, endpoint, server.clock, ZoneId.of("UTC"),
                    dir.resolve(user + "_contactlog.txt"), Duration.ofMinutes(3), this);
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", endpoint.port());
        }

        @Override
        public void heard(TracingClient.Heard beacon) {
            heard.add(beacon);
        }

        @Override
        public void renewed(ServerMessage.TempId id) {
            renewed.add(id);
        }

        @Override
        public void expired(List<ContactLog.Entry> entries) {
            expired.addAll(entries);
        }

        TracingClient.Heard awaitHeard(int count) {
            await().atMost(Recorder.WAIT).until(() -> heard.size() >= count);
            return heard.get(count - 1);
        }

        @Override
        public void close() {
            tracing.close();
            client.close();
            endpoint.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, b -> b.tempIdsFile(dir.resolve("tempIDs.txt"))
                .console(new PrintStream(console, true, StandardCharsets.UTF_8)));
        for (String user : List.of(KARA, LEE, MIA)) {
            server.signup(user, "kara1234");
            phones.put(user, new Phone(user));
        }
    }

    @AfterEach
    void stop() {
        phones.values().forEach(Phone::close);
        server.close();
    }

    private Phone phone(String user) {
        return phones.get(user);
    }

    @Test
    void theServerNamesExactlyThePhonesThatBeaconedWithTheirTimes() throws Exception {
        ServerMessage.TempId lee = phone(LEE).tracing.downloadTempId();
        server.clock.advance(Duration.ofSeconds(20));
        ServerMessage.TempId mia = phone(MIA).tracing.downloadTempId();
        phone(LEE).tracing.beacon(phone(KARA).address());
        phone(MIA).tracing.beacon(phone(KARA).address());
        phone(KARA).awaitHeard(2);
        assertThat(phone(KARA).heard).allSatisfy(h -> assertThat(h.valid()).isTrue());
        assertThat(phone(KARA).heard.getFirst().lines()).containsExactly(
                "received beacon: " + lee.tempId() + ", 23/02/2021 15:00:00, 23/02/2021 15:14:59.",
                "Current time is: 23/02/2021 15:00:20.", "The beacon is valid.");
        assertThat(Files.readAllLines(dir.resolve(KARA + "_contactlog.txt"))).containsExactlyInAnyOrder(
                lee.tempId() + " 23/02/2021 15:00:00 23/02/2021 15:14:59",
                mia.tempId() + " 23/02/2021 15:00:20 23/02/2021 15:15:19");

        ServerMessage.ContactTrace trace = phone(KARA).tracing.upload();

        assertThat(trace.contacts()).containsExactlyInAnyOrder(
                new Contact(LEE, "23/02/2021 15:00:00", lee.tempId()),
                new Contact(MIA, "23/02/2021 15:00:20", mia.tempId()));
        assertThat(trace.unmatched()).isEmpty();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("received contact log from " + KARA,
                "Contact log checking", LEE + ", 23/02/2021 15:00:00, " + lee.tempId() + ";",
                MIA + ", 23/02/2021 15:00:20, " + mia.tempId() + ";");
        assertThat(Files.readAllLines(dir.resolve("tempIDs.txt"))).containsExactly(
                LEE + " " + lee.tempId() + " 23/02/2021 15:00:00 23/02/2021 15:14:59",
                MIA + " " + mia.tempId() + " 23/02/2021 15:00:20 23/02/2021 15:15:19");
    }

    @Test
    void aBeaconReplayedAfterItsWindowIsRejectedAndNotLogged() throws Exception {
        ServerMessage.TempId lee = phone(LEE).tracing.downloadTempId();
        byte[] recorded = new Beacon(lee.tempId(), lee.start(), lee.expiry()).encode();
        server.clock.advance(Duration.ofMinutes(14).plusSeconds(59)); // exactly the expiry: still valid
        replay(recorded, phone(MIA));
        assertThat(phone(MIA).awaitHeard(1).valid()).isTrue();
        server.clock.advance(Duration.ofSeconds(1)); // one second after the expiry

        replay(recorded, phone(KARA));

        TracingClient.Heard replayed = phone(KARA).awaitHeard(1);
        assertThat(replayed.valid()).isFalse();
        assertThat(replayed.lines()).containsExactly(
                "received beacon: " + lee.tempId() + ", 23/02/2021 15:00:00, 23/02/2021 15:14:59.",
                "Current time is: 23/02/2021 15:15:00.", "The beacon is invalid.");
        assertThat(phone(KARA).tracing.log().contacts()).isEmpty();
    }

    private static void replay(byte[] datagram, Phone to) throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(datagram, datagram.length, to.address()));
        }
    }

    @Test
    void garbageDatagramsAreRejectedWithAReasonAndTheLogStaysClean() throws Exception {
        ServerMessage.TempId lee = phone(LEE).tracing.downloadTempId();
        byte[] good = new Beacon(lee.tempId(), lee.start(), lee.expiry()).encode();
        byte[] wrongVersion = good.clone();
        wrongVersion[Beacon.LENGTH - 1] = '2';
        byte[] lettersInId = good.clone();
        lettersInId[3] = 'x';
        byte[] badDate = good.clone();
        badDate[20] = '9'; // day 93
        List<byte[]> garbage = List.of(new byte[10], java.util.Arrays.copyOf(good, 80), wrongVersion, lettersInId, badDate);
        for (byte[] datagram : garbage) {
            replay(datagram, phone(KARA));
        }
        await().atMost(Recorder.WAIT).until(() -> phone(KARA).heard.size() >= garbage.size());
        assertThat(phone(KARA).heard).extracting(TracingClient.Heard::rejection).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).startsWith("truncated: 10 bytes"),
                r -> assertThat(r).startsWith("oversized: 80 bytes"),
                r -> assertThat(r).contains("version 2"),
                r -> assertThat(r).contains("not 20 digits"),
                r -> assertThat(r).startsWith("malformed:"));
        assertThat(phone(KARA).tracing.log().contacts()).isEmpty();

        phone(LEE).tracing.beacon(phone(KARA).address()); // and the phone still listens
        assertThat(phone(KARA).awaitHeard(garbage.size() + 1).valid()).isTrue();
        assertThat(phone(KARA).tracing.log().contacts()).hasSize(1);
    }

    @Test
    void contactsLeaveTheLogThreeMinutesAfterTheyWereHeardWhileThePhoneIsIdle() throws Exception {
        phone(LEE).tracing.beacon(phone(KARA).address());
        phone(KARA).awaitHeard(1);
        server.clock.advance(Duration.ofMinutes(3).minusSeconds(1));
        phone(KARA).tracing.housekeeping();
        assertThat(phone(KARA).tracing.log().contacts()).hasSize(1);

        server.clock.advance(Duration.ofSeconds(1));

        // the phone's own once-a-second tick notices; no command is needed
        await().atMost(Recorder.WAIT).until(() -> phone(KARA).expired.size() == 1);
        assertThat(phone(KARA).tracing.log().contacts()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve(KARA + "_contactlog.txt"))).isEmpty();
    }

    @Test
    void anExpiredTempIdIsRenewedAutomatically() {
        ServerMessage.TempId first = phone(KARA).tracing.downloadTempId();
        server.clock.advance(Duration.ofMinutes(15));
        await().atMost(Recorder.WAIT).until(() -> !phone(KARA).renewed.isEmpty());
        ServerMessage.TempId renewed = phone(KARA).renewed.getFirst();
        assertThat(renewed.tempId()).isNotEqualTo(first.tempId());
        assertThat(renewed.start()).isEqualTo("23/02/2021 15:15:00");
        assertThat(phone(KARA).tracing.current()).isEqualTo(renewed);
    }

    @Test
    void aRepeatedUploadDoesNotDuplicateContacts() throws Exception {
        ServerMessage.TempId lee = phone(LEE).tracing.downloadTempId();
        phone(LEE).tracing.beacon(phone(KARA).address());
        phone(KARA).awaitHeard(1);
        assertThat(phone(KARA).tracing.upload().contacts()).hasSize(1);

        ServerMessage.ContactTrace again = phone(KARA).tracing.upload();

        assertThat(again.contacts()).containsExactly(new Contact(LEE, lee.start(), lee.tempId()));
        ServerMessage.ContactsStored stored = ChatClient.await(phone(KARA).client.uploadContacts("again",
                phone(KARA).tracing.log().contacts()));
        assertThat(stored.stored()).isZero();
        assertThat(stored.duplicates()).isEqualTo(1);
    }

    @Test
    void anUploadCutOffByALostConnectionIsRetriedWithoutDuplicates() throws Exception {
        // Lee's phone has met Kara 450 times, each with a new ID: three batches of at most 200.
        List<ContactEntry> log = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            ServerMessage.TempId id = ChatClient.await(phone(LEE).client.downloadTempId());
            log.add(new ContactEntry(id.tempId(), id.start(), id.expiry()));
            phone(KARA).tracing.log().add(new Beacon(id.tempId(), id.start(), id.expiry()), server.clock.instant());
        }
        ChatClient kara = phone(KARA).client;
        assertThat(ChatClient.await(kara.uploadContacts(UUID.randomUUID().toString(), log.subList(0, 200))).stored())
                .isEqualTo(200);
        server.restart(); // the connection drops after the first batch was acknowledged
        assertThatThrownBy(() -> phone(KARA).tracing.upload()).isInstanceOf(ChatException.class);

        kara.reconnect();
        ServerMessage.ContactTrace trace = phone(KARA).tracing.upload();

        assertThat(trace.contacts()).hasSize(450).extracting(Contact::tempId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(log.stream().map(ContactEntry::tempId).toList());
        assertThat(trace.contacts()).extracting(Contact::user).containsOnly(LEE);
    }

    @Test
    void unknownIdsAreReportedAsUnmatched() throws Exception {
        replay(new Beacon("01234567890123456789", "23/02/2021 15:00:00", "23/02/2021 15:14:59").encode(), phone(KARA));
        assertThat(phone(KARA).awaitHeard(1).valid()).isTrue();

        ServerMessage.ContactTrace trace = phone(KARA).tracing.upload();

        assertThat(trace.contacts()).isEmpty();
        assertThat(trace.unmatched()).singleElement().satisfies(u -> {
            assertThat(u.tempId()).isEqualTo("01234567890123456789");
            assertThat(u.reason()).isEqualTo("unknown tempID");
        });
    }
}
