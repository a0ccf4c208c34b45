package chatlab.server;

import chatlab.protocol.ErrorCode;
import chatlab.protocol.Timestamps;
import chatlab.store.Database;
import chatlab.store.SqliteAccountStore;
import chatlab.store.SqliteBlockStore;
import chatlab.store.SqliteBoardStore;
import chatlab.store.SqliteLoginStore;
import chatlab.store.SqliteMessageStore;
import chatlab.store.SqliteTracingStore;
import chatlab.protocol.BlueTraceTimes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat server: accepts TCP connections and runs each on its own virtual thread. Start one
 * with {@link #start(ServerConfig)}; {@link #close()} shuts it down gracefully.
 */
public final class ChatServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);
    private static final long GRACE_MILLIS = 3_000;

    private final ServerConfig config;
    private final Database db;
    private final ServerSocket listener;
    private final RequestHandler handler;
    private final MessagingService messaging;
    private final PresenceService presence;
    private final AccountService accounts;
    private final RoomService room;
    private final BoardService board;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread acceptor;
    private final Hooks hooks = new Hooks();
    private final chatlab.tls.ServerIdentity identity;
    /** Platform threads for TLS handshakes, whose cryptography is CPU-bound. */
    private final java.util.concurrent.ExecutorService handshakes = Executors.newFixedThreadPool(HANDSHAKE_THREADS,
            Thread.ofPlatform().name("tls-handshake-", 0).daemon().factory());
    /**
     * Handshakes at once. Enough that clients which connect and then say nothing (each holds a
     * thread for at most {@link #HANDSHAKE_TIMEOUT}) do not hold up others; the CPU they share is
     * still the machine's.
     */
    static final int HANDSHAKE_THREADS = 64;
    /** How long a client has to complete its part of the TLS handshake. */
    static final java.time.Duration HANDSHAKE_TIMEOUT = java.time.Duration.ofSeconds(10);

    private ChatServer(ServerConfig config, Database db, ServerSocket listener, chatlab.tls.ServerIdentity identity) {
        this.config = config;
        this.db = db;
        this.listener = listener;
        this.identity = identity;
        Timestamps timestamps = new Timestamps(config.zone());
        // one hasher, so that its limit of one hash per core holds for logins and room passwords together
        PasswordHasher hasher = new PasswordHasher(config.hashCost());
        accounts = new AccountService(new SqliteAccountStore(db), hasher, config.lockout(), config.clock());
        BlockService blocks = new BlockService(new SqliteBlockStore(db), accounts);
        presence = new PresenceService(new SqliteLoginStore(db), blocks, config.clock(), timestamps,
                config.allowMultipleSessions());
        chatlab.store.MessageStore messageStore = new SqliteMessageStore(db);
        chatlab.store.ProfileStore profileStore = new chatlab.store.SqliteProfileStore(db);
        GroupService groups = new GroupService(new chatlab.store.SqliteGroupStore(db), messageStore, accounts, presence,
                config.clock(), timestamps);
        ProfileService profiles = new ProfileService(profileStore, accounts, presence, config.clock(), timestamps);
        SearchService search = new SearchService(messageStore, profileStore, profiles, groups);
        Audiences audiences = new Audiences(accounts, blocks, groups);
        messaging = new MessagingService(messageStore, audiences, config.clock(), timestamps, presence::doNotDisturb);
        board = new BoardService(new SqliteBoardStore(db), config.clock(), timestamps);
        TransferService transfers = new TransferService(audiences, presence);
        TracingService tracing = new TracingService(new SqliteTracingStore(db), config.clock(), config.tempIdTtl(),
                new BlueTraceTimes(config.zone()), config.console(), config.tempIdsFile());
        room = new RoomService(config.room(), hasher, config.lockout(), accounts,
                presence, config.clock(), timestamps);
        handler = new RequestHandler(accounts, presence, messaging, board, blocks, transfers, tracing, room,
                new RequestHandler.Compsys(profiles, groups, search,
                        new KeyService(new chatlab.store.SqliteKeyStore(db), accounts, presence, blocks, config.clock(),
                                timestamps)),
                timestamps, config.signupEnabled(),
                config.idleTimeout(), config.profile());
        timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("chatlab-timers").daemon().factory());
        acceptor = Thread.ofPlatform().name("chatlab-accept").unstarted(this::acceptLoop);
    }

    /**
     * Opens the store, imports the credentials file if one is configured, binds the port and
     * starts accepting clients.
     *
     * @throws CredentialsFile.InvalidException if the credentials file cannot be used
     * @throws IOException if the port cannot be bound
     */
    public static ChatServer start(ServerConfig config) throws IOException, CredentialsFile.InvalidException {
        List<CredentialsFile.Credential> credentials =
                config.credentials() == null ? List.of() : CredentialsFile.read(config.credentials());
        chatlab.tls.ServerIdentity identity = config.plaintext() ? null : config.tlsCert() != null
                ? chatlab.tls.ServerIdentity.fromPem(config.tlsCert(), config.tlsKey())
                : chatlab.tls.ServerIdentity.loadOrCreate(config.keyStore());
        Database db = Database.open(config.db(), config.durability());
        ServerSocket listener;
        try {
            listener = identity == null ? new ServerSocket() : tlsListener(identity);
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 4_096);
        } catch (IOException e) {
            db.close();
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ChatServer server = new ChatServer(config, db, listener, identity);
        try {
            server.seedFiles();
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot keep userlog.txt and messagelog.txt in " + config.logs() + ": "
                    + e.getMessage(), e);
        }
        server.importCredentials(credentials);
        server.startIdleSweep();
        server.acceptor.start();
        LOG.info("listening on {}:{} with database {}", config.host(), server.port(), config.db());
        return server;
    }

    /** Toom's start: an empty board if the profile says so, and the log files kept in step from now on. */
    private void seedFiles() throws IOException {
        if (config.freshBoard()) {
            board.clear();
        }
        if (config.logs() != null) {
            SeedLogs logs = new SeedLogs(config.logs(), presence::activeUsers, board::all);
            presence.onChange(logs::usersChanged);
            board.onChange(logs::boardChanged);
        }
    }

    private void importCredentials(List<CredentialsFile.Credential> credentials) {
        if (credentials.isEmpty()) {
            return;
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Boolean>> created = credentials.stream()
                    .map(c -> executor.submit(() -> accounts.importAccount(c.user(), c.password())))
                    .toList();
            long count = 0;
            for (var future : created) {
                if (future.get()) {
                    count++;
                }
            }
            LOG.info("credentials: {} accounts created, {} already present", count, credentials.size() - count);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("importing credentials failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing credentials", e);
        }
    }

    /**
     * A TLS 1.3 listener presenting {@code identity}. The handshake happens on each connection's
     * own thread at its first read, so a slow client never holds up the accept loop.
     */
    private static ServerSocket tlsListener(chatlab.tls.ServerIdentity identity) throws IOException {
        javax.net.ssl.SSLServerSocket tls = (javax.net.ssl.SSLServerSocket) identity.context().getServerSocketFactory()
                .createServerSocket();
        tls.setEnabledProtocols(new String[] {chatlab.tls.ServerIdentity.PROTOCOL});
        return tls;
    }

    /** The fingerprint of the certificate clients see, or null when the server speaks plaintext. */
    public String fingerprint() {
        return identity == null ? null : identity.fingerprint();
    }

    /** The port the server listens on (useful when it was started on port 0). */
    public int port() {
        return listener.getLocalPort();
    }

    public String host() {
        return config.host();
    }

    public ServerConfig config() {
        return config;
    }

    /** How many clients are connected now. */
    public int connectionCount() {
        return connections.size();
    }

    /** How many commits the database made since the server started, and how many transactions they held. */
    public long[] commitCounts() {
        return db.commitCounts();
    }

    /** How many users are logged in now. */
    public int sessionCount() {
        return presence.sessionCount();
    }

    /** The users logged in now, in login order. */
    public List<String> activeUsers() {
        return presence.sessions().stream().map(Session::user).toList();
    }

    /** The room: its password, kicks and the operator's announcements, as the server console uses them. */
    public RoomService room() {
        return room;
    }

    /**
     * Closes connections that sent nothing for the idle timeout. One sweep over every connection,
     * a tenth of the timeout apart (between 100 ms and 1 s), stands in for a timeout on each read:
     * a connection is closed between the timeout and the timeout plus one sweep after its last byte.
     */
    private void startIdleSweep() {
        java.time.Duration idle = config.idleTimeout();
        if (idle.isZero()) {
            return;
        }
        long every = Math.clamp(idle.toMillis() / 10, 100, 1_000);
        timers.scheduleWithFixedDelay(() -> idleSweep(idle), every, every, TimeUnit.MILLISECONDS);
    }

    private void idleSweep(java.time.Duration idle) {
        long now = System.nanoTime();
        for (Connection connection : connections) {
            if (connection.idleFor(idle, now)) {
                // ending a session writes to the store: not on the timer's one thread
                Thread.ofVirtual().name("idle-timeout").start(() -> connection.timeOut(idle));
            }
        }
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketException e) {
                if (!closed.get()) {
                    LOG.error("accepting connections failed", e);
                }
                return;
            } catch (IOException e) {
                LOG.warn("accepting a connection failed: {}", e.getMessage());
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                RateLimiter limiter = config.rateLimit() == 0 ? null
                        : new RateLimiter(config.rateLimit(), 2 * config.rateLimit(), config.clock());
                Connection connection = new Connection(socket, handler, messaging, hooks, config.outboundQueue(), limiter);
                connections.add(connection);
                if (closed.get()) {
                    connection.close();
                }
                Thread.ofVirtual().name("conn-" + socket.getRemoteSocketAddress()).start(connection::run);
            } catch (IOException | RuntimeException e) {
                LOG.warn("setting up a connection failed: {}", e.getMessage());
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    /**
     * Shuts down: stops accepting, tells every client the server is going down, gives their
     * writers a moment to send that, then closes the store cleanly.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("shutting down with {} connections", connections.size());
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the listener failed: {}", e.getMessage());
        }
        List<Connection> open = List.copyOf(connections);
        for (Connection connection : open) {
            connection.disconnect(ErrorCode.SERVER_SHUTDOWN, "The server is shutting down");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        try {
            for (Connection connection : open) {
                connection.awaitWriter(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            }
            for (Connection connection : open) {
                connection.close();
            }
            // The readers end their sessions, which writes logouts: let them finish before the store closes.
            for (Connection connection : open) {
                connection.awaitReader(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + GRACE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            acceptor.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        handshakes.shutdownNow();
        db.close();
        LOG.info("stopped");
    }

    private final class Hooks implements ServerHooks {
        @Override
        public void sessionEnded(Session session) {
            presence.leave(session);
            LOG.info("{} logged out", session.user());
        }

        @Override
        public void connectionEnded(Connection connection) {
            connections.remove(connection);
        }

        /**
         * The handshake's cryptography is CPU-bound and never yields: run on the connection's own
         * virtual thread, a burst of new connections held every carrier and stalled every other
         * connection for seconds (measured by the server's hiccup meter). It runs on a small pool
         * of platform threads instead, which the operating system shares fairly with the
         * carriers, while the virtual thread waits without holding a carrier. A client gets
         * {@link #HANDSHAKE_TIMEOUT} to finish its part, so a silent one cannot hold a thread long.
         */
        @Override
        public void handshake(java.net.Socket socket) throws IOException {
            if (!(socket instanceof javax.net.ssl.SSLSocket tls)) {
                return;
            }
            try {
                handshakes.submit(() -> {
                    tls.setSoTimeout((int) HANDSHAKE_TIMEOUT.toMillis());
                    tls.startHandshake();
                    tls.setSoTimeout(0); // reads wait untimed; the idle timeout is the sweep's (see idleSweep)
                    return null;
                }).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted during the TLS handshake", e);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                throw new IOException("the server is stopping", e);
            }
        }

        @Override
        public void closeLater(Connection connection) {
            if (!closed.get()) {
                timers.schedule(connection::close, GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }
}
