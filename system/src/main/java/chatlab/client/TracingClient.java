package chatlab.client;

import chatlab.p2p.beacon.Beacon;
import chatlab.p2p.beacon.BeaconException;
import chatlab.p2p.beacon.ContactLog;
import chatlab.p2p.transfer.PeerEndpoint;
import chatlab.protocol.BlueTraceTimes;
import chatlab.protocol.ContactEntry;
import chatlab.protocol.Protocol;
import chatlab.protocol.ServerMessage;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * BlueTrace on the client: downloads temporary IDs and renews them when they expire, beacons
 * peers over the client's UDP port (by hand or at an interval), checks the beacons it hears and
 * keeps the valid ones in the contact log, and uploads the log for tracing. Every rule reads the
 * clock it is given; a housekeeping tick, once a second, only triggers them.
 */
public final class TracingClient implements AutoCloseable {

    /** What the tracing client tells a user interface. */
    public interface Listener {
        default void heard(Heard beacon) {
        }

        default void renewed(ServerMessage.TempId id) {
        }

        default void expired(List<ContactLog.Entry> entries) {
        }
    }

    /** A datagram heard on the UDP port: a beacon, valid or not, or a rejected datagram and why. */
    public record Heard(Beacon beacon, InetSocketAddress from, String now, boolean valid, String rejection) {
        /** The seed's words: the beacon, the current time, and the verdict. */
        public List<String> lines() {
            if (beacon == null) {
                return List.of("rejected a datagram from " + from + " that is not a beacon: " + rejection);
            }
            return List.of("received beacon: " + beacon.tempId() + ", " + beacon.start() + ", " + beacon.expiry() + ".",
                    "Current time is: " + now + ".", "The beacon is " + (valid ? "valid" : "invalid") + ".");
        }
    }

    private final ChatClient client;
    private final PeerEndpoint endpoint;
    private final InstantSource clock;
    private final BlueTraceTimes times;
    private final ContactLog log;
    private final Listener listener;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tracing").factory());
    private volatile ServerMessage.TempId current;
    private volatile ScheduledFuture<?> autoBeacon;

    public TracingClient(ChatClient client, PeerEndpoint endpoint, InstantSource clock, ZoneId zone, Path logFile,
            Duration contactTtl, Listener listener) {
        this.client = client;
        this.endpoint = endpoint;
        this.clock = clock;
        this.times = new BlueTraceTimes(zone);
        this.log = new ContactLog(logFile, contactTtl, clock.instant());
        this.listener = listener;
        endpoint.otherDatagrams((datagram, from) -> heard(datagram, from));
        timers.scheduleAtFixedRate(this::housekeeping, 1, 1, TimeUnit.SECONDS);
    }

    public ContactLog log() {
        return log;
    }

    public BlueTraceTimes times() {
        return times;
    }

    /** The current temporary ID, or null before the first download. */
    public ServerMessage.TempId current() {
        return current;
    }

    /** Downloads a fresh temporary ID, on demand. */
    public ServerMessage.TempId downloadTempId() {
        ServerMessage.TempId id = ChatClient.await(client.downloadTempId());
        current = id;
        return id;
    }

    /** Removes expired contacts and renews an expired ID: what the once-a-second tick does. */
    public void housekeeping() {
        Instant now = clock.instant();
        List<ContactLog.Entry> expired = log.purge(now);
        if (!expired.isEmpty()) {
            listener.expired(expired);
        }
        ServerMessage.TempId id = current;
        if (id != null && now.isAfter(times.parse(id.expiry())) && client.isConnected()) {
            try {
                listener.renewed(downloadTempId());
            } catch (RuntimeException e) {
                // the next tick tries again
            }
        }
    }

    /** Sends one beacon with a valid ID to {@code peer}, downloading or renewing the ID first if need be. */
    public Beacon beacon(InetSocketAddress peer) {
        ServerMessage.TempId id = current;
        if (id == null || clock.instant().isAfter(times.parse(id.expiry()))) {
            id = downloadTempId();
        }
        Beacon beacon = new Beacon(id.tempId(), id.start(), id.expiry());
        endpoint.send(beacon.encode(), peer);
        return beacon;
    }

    /** Beacons each peer every {@code interval} until stopped. */
    public void startAutoBeacon(List<InetSocketAddress> peers, Duration interval) {
        stopAutoBeacon();
        autoBeacon = timers.scheduleAtFixedRate(() -> {
            for (InetSocketAddress peer : peers) {
                try {
                    beacon(peer);
                } catch (RuntimeException e) {
                    // a peer or the server is away this time; try again next interval
                }
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stopAutoBeacon() {
        ScheduledFuture<?> running = autoBeacon;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** A datagram that is not a transfer's: decoded, checked against the clock, and logged if valid. */
    public Heard heard(ByteBuffer datagram, InetSocketAddress from) {
        Instant now = clock.instant();
        Heard heard;
        try {
            Beacon beacon = Beacon.decode(datagram, times);
            boolean valid = beacon.validAt(now, times);
            if (valid) {
                log.add(beacon, now);
            }
            heard = new Heard(beacon, from, times.format(now), valid, null);
        } catch (BeaconException e) {
            heard = new Heard(null, from, times.format(now), false, e.getMessage());
        }
        listener.heard(heard);
        return heard;
    }

    /**
     * Uploads the whole contact log, in batches sent without waiting for each other, then asks
     * the server to trace it. Retrying after a failure stores nothing twice.
     */
    public ServerMessage.ContactTrace upload() {
        List<ContactEntry> contacts = log.contacts();
        String uploadId = UUID.randomUUID().toString();
        List<CompletableFuture<ServerMessage.ContactsStored>> batches = new ArrayList<>();
        for (int from = 0; from < contacts.size(); from += Protocol.MAX_CONTACTS_PER_UPLOAD) {
            List<ContactEntry> batch = contacts.subList(from, Math.min(contacts.size(), from + Protocol.MAX_CONTACTS_PER_UPLOAD));
            batches.add(client.uploadContacts(uploadId, List.copyOf(batch)));
        }
        batches.forEach(ChatClient::await);
        return ChatClient.await(client.traceContacts());
    }

    @Override
    public void close() {
        timers.shutdownNow();
        endpoint.otherDatagrams(null);
    }
}
