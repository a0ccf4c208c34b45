package chatlab.server;

import chatlab.store.Durability;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;

/** Everything a {@link ChatServer} is started with. Build one with {@link #builder()}. */
public record ServerConfig(
        String host,
        int port,
        Path db,
        Durability durability,
        LockoutPolicy lockout,
        boolean allowMultipleSessions,
        boolean signupEnabled,
        int outboundQueue,
        int rateLimit,
        PasswordHasher.Cost hashCost,
        ZoneId zone,
        InstantSource clock,
        Path credentials,
        java.time.Duration tempIdTtl,
        Path tempIdsFile,
        java.io.PrintStream console,
        java.time.Duration idleTimeout,
        boolean plaintext,
        Path tlsCert,
        Path tlsKey,
        RoomPolicy room,
        chatlab.protocol.Profile profile,
        Path logs,
        boolean freshBoard) {

    public static final int DEFAULT_PORT = chatlab.protocol.Protocol.DEFAULT_PORT;
    public static final Path DEFAULT_DB = Path.of("data", "chatlab.db");
    public static final int DEFAULT_OUTBOUND_QUEUE = 4_096;
    /** Requests a second per connection; bursts may reach twice as many. */
    public static final int DEFAULT_RATE_LIMIT = 100;
    /** How long a connection may send nothing before it is closed as dead; clients ping at a third of it. */
    public static final java.time.Duration DEFAULT_IDLE_TIMEOUT = java.time.Duration.ofSeconds(90);

    public ServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (rateLimit < 0) {
            throw new IllegalArgumentException("the rate limit must be 0 (off) or a positive number of requests a second");
        }
        if (tempIdTtl.compareTo(java.time.Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("a tempID must live at least 2 seconds, not " + tempIdTtl);
        }
        if (idleTimeout.isNegative() || (!idleTimeout.isZero() && idleTimeout.compareTo(java.time.Duration.ofSeconds(3)) < 0)) {
            throw new IllegalArgumentException("the idle timeout must be 0 (none) or at least 3 seconds, not " + idleTimeout);
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both, or neither for a "
                    + "certificate the server makes itself");
        }
        if (plaintext && tlsCert != null) {
            throw new IllegalArgumentException("--plaintext turns TLS off; it does not go with --tls-cert and --tls-key");
        }
        if (outboundQueue < 16) {
            throw new IllegalArgumentException("the outbound queue must hold at least 16 frames, not " + outboundQueue);
        }
    }

    /** Where a server keeps the certificate and key it makes itself: beside its database. */
    public Path keyStore() {
        Path parent = db.toAbsolutePath().getParent();
        return parent == null ? Path.of("server.p12") : parent.resolve("server.p12");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with the defaults of {@code ./lab server}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Path db = DEFAULT_DB;
        private Durability durability = Durability.NORMAL;
        private LockoutPolicy lockout = LockoutPolicy.DEFAULT;
        private boolean allowMultipleSessions;
        private boolean signupEnabled = true;
        private int outboundQueue = DEFAULT_OUTBOUND_QUEUE;
        private int rateLimit = DEFAULT_RATE_LIMIT;
        private PasswordHasher.Cost hashCost = PasswordHasher.Cost.DEFAULT;
        private ZoneId zone = ZoneId.systemDefault();
        private InstantSource clock = InstantSource.system();
        private Path credentials;
        private java.time.Duration tempIdTtl = java.time.Duration.ofMinutes(15);
        private Path tempIdsFile;
        private java.io.PrintStream console = System.out;
        private java.time.Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private boolean plaintext;
        private Path tlsCert;
        private Path tlsKey;
        private RoomPolicy room = RoomPolicy.DEFAULT;
        private String roomPassword;
        private chatlab.protocol.Profile profile = chatlab.protocol.Profile.CHATLAB;
        private Path logs;
        private boolean freshBoard;

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder db(Path value) {
            db = value;
            return this;
        }

        public Builder durability(Durability value) {
            durability = value;
            return this;
        }

        public Builder lockout(LockoutPolicy value) {
            lockout = value;
            return this;
        }

        public Builder allowMultipleSessions(boolean value) {
            allowMultipleSessions = value;
            return this;
        }

        public Builder signupEnabled(boolean value) {
            signupEnabled = value;
            return this;
        }

        public Builder outboundQueue(int value) {
            outboundQueue = value;
            return this;
        }

        /** Requests a second per connection, 0 for no limit. */
        public Builder rateLimit(int value) {
            rateLimit = value;
            return this;
        }

        public Builder hashCost(PasswordHasher.Cost value) {
            hashCost = value;
            return this;
        }

        public Builder zone(ZoneId value) {
            zone = value;
            return this;
        }

        public Builder clock(InstantSource value) {
            clock = value;
            return this;
        }

        public Builder credentials(Path value) {
            credentials = value;
            return this;
        }

        /** How long a temporary ID is valid (BlueTrace: 15 minutes). */
        public Builder tempIdTtl(java.time.Duration value) {
            tempIdTtl = value;
            return this;
        }

        /** A file kept in the seed's tempIDs.txt format, or null for none. */
        public Builder tempIdsFile(Path value) {
            tempIdsFile = value;
            return this;
        }

        /** Where the server prints what the seed servers printed (contact tracing). */
        public Builder console(java.io.PrintStream value) {
            console = value;
            return this;
        }

        /** How long a connection may send nothing before it is closed as dead; zero for never. */
        public Builder idleTimeout(java.time.Duration value) {
            idleTimeout = value;
            return this;
        }

        /** Serve without TLS, on purpose: for nc sessions, teaching, and clients that speak no TLS. */
        public Builder plaintext(boolean value) {
            plaintext = value;
            return this;
        }

        /** A certificate chain and its private key as PEM files, instead of the certificate the server makes itself. */
        public Builder tls(Path certificate, Path key) {
            tlsCert = certificate;
            tlsKey = key;
            return this;
        }

        /** The room's kick vote, and its password's hash if it has one. */
        public Builder room(RoomPolicy value) {
            room = value;
            return this;
        }

        /** A room password, kept only as its Argon2id hash (made with the configured cost when the config is built). */
        public Builder roomPassword(String value) {
            roomPassword = value;
            return this;
        }

        /** The seed system whose personality the server takes, named to clients in {@code welcome}. */
        public Builder profile(chatlab.protocol.Profile value) {
            profile = value;
            return this;
        }

        /** Keep Toom's userlog.txt and messagelog.txt in this folder, in step with every change; null for none. */
        public Builder logs(Path value) {
            logs = value;
            return this;
        }

        /** Start with an empty board, as Toom's server did at each start. */
        public Builder freshBoard(boolean value) {
            freshBoard = value;
            return this;
        }

        public ServerConfig build() {
            if (roomPassword != null && (roomPassword.isBlank()
                    || roomPassword.length() > chatlab.protocol.Protocol.MAX_PASSWORD_CHARS)) {
                throw new IllegalArgumentException("the room password must be 1 to "
                        + chatlab.protocol.Protocol.MAX_PASSWORD_CHARS + " characters, not blank");
            }
            RoomPolicy policy = roomPassword == null ? room
                    : room.withPasswordHash(new PasswordHasher(hashCost).hash(roomPassword));
            return new ServerConfig(host, port, db, durability, lockout, allowMultipleSessions, signupEnabled,
                    outboundQueue, rateLimit, hashCost, zone, clock, credentials, tempIdTtl, tempIdsFile, console,
                    idleTimeout, plaintext, tlsCert, tlsKey, policy, profile, logs, freshBoard);
        }
    }
}
