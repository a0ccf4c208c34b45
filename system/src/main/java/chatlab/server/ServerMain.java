package chatlab.server;

import chatlab.cli.Carriers;
import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.protocol.Protocol;
import chatlab.store.Durability;
import chatlab.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab server}: runs the chat server until it is stopped with Ctrl+C or SIGTERM. */
@Command(name = "lab server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs the chatlab chat server.",
                "The Toom form 'server PORT ATTEMPTS' and the CSC573 form 'server IP PORT PASSWORD' work too.",
                "--profile takes on a seed system's start-up form, defaults, files and wording.",
                "On an interactive terminal it reads operator commands: who, kick USER, say MESSAGE, stop, help."},
        footer = {"", "Examples:",
                "  ./lab server --credentials credentials.txt",
                "  ./lab server 5000 3                      (Toom: port 5000, block after 3 failures)",
                "  ./lab server --port 0 --db /tmp/lab.db    (any free port, a throwaway database)",
                "  ./lab server 127.0.0.1 9011 lokipass     (CSC573: address, port, room password)",
                "  ./lab server --room-password-file room.txt --kick-votes 3",
                "  ./lab server --plaintext                  (no TLS: for nc and teaching; it warns)",
                "  ./lab server --profile toom 5000 3       (Toom: credentials.txt here, userlog.txt, messagelog.txt)",
                "  ./lab server --profile bluetrace 4601 60 (BlueTrace: block for 60 s, tempIDs.txt)",
                "  ./lab server --profile cs425 -host 127.0.0.1 -port 2000",
                "  ./lab server --profile csc573 127.0.0.1 9011 lokipass",
                "", "Exit codes: 0 stopped, 1 could not start, 2 invalid arguments or credentials file."})
public final class ServerMain implements Callable<Integer> {
    /** CS425's server: 3 failures block for 60 s. */
    static final long CS425_BLOCK_SECONDS = 60;
    static final long DEFAULT_BLOCK_SECONDS = 10;
    /** Where Toom's and BlueTrace's servers read their accounts, and BlueTrace's keeps its tempIDs: where it runs. */
    static final String SEED_CREDENTIALS = "credentials.txt";
    static final String SEED_TEMP_IDS = "tempIDs.txt";

    @Parameters(arity = "0..3", paramLabel = "ARG", description = {
            "PORT [ATTEMPTS] as Toom's server: --port and --max-attempts;",
            "or IP PORT PASSWORD as CSC573's: --host, --port and --room-password;",
            "with --profile bluetrace, PORT BLOCK_DURATION: --port and --block-seconds."})
    private List<String> positionals = List.of();

    @Option(names = "--profile", paramLabel = "NAME", description = "Take on a seed system: toom, bluetrace, cs425, csc573 or compsys302; its start-up form, defaults, files and exact wording (default: chatlab).")
    private String profile;

    @Option(names = {"--host", "-host"}, description = "Address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface). -host is CS425's spelling.")
    private String host;

    @Option(names = {"-p", "--port", "-port"}, description = "TCP port to listen on; 0 picks a free one (default: " + ServerConfig.DEFAULT_PORT + "; 2000 in the cs425 profile). -port is CS425's spelling.")
    private Integer port;

    @Option(names = "--max-attempts", paramLabel = "N", description = "Consecutive failed logins that block an account, 1 to 5 (default: 3).")
    private String maxAttempts;

    @Option(names = "--block-seconds", paramLabel = "S", description = "How long a blocked account stays blocked (default: 10; 60 in the cs425 profile).")
    private Long blockSeconds;

    @Option(names = "--credentials", paramLabel = "FILE", description = "Import accounts from a file of 'username password' lines (the seed format). The toom and bluetrace profiles read credentials.txt from where the server runs.")
    private Path credentials;

    @Option(names = "--logs", paramLabel = "DIR", description = "Keep Toom's userlog.txt and messagelog.txt in DIR, in step with every change (the toom profile keeps them where the server runs).")
    private Path logs;

    @Option(names = "--db", paramLabel = "PATH", defaultValue = "data/chatlab.db", description = "SQLite database file (default: ${DEFAULT-VALUE}).")
    private Path db;

    @Option(names = "--sync", paramLabel = "MODE", defaultValue = "normal", description = "normal: survives a killed process; full: also a power cut, slower (default: ${DEFAULT-VALUE}).")
    private Durability durability;

    @Option(names = "--allow-multiple-sessions", description = "Let a user be logged in more than once at a time.")
    private boolean allowMultipleSessions;

    @Option(names = "--no-signup", description = "Refuse signups; accounts come only from --credentials.")
    private boolean noSignup;

    @Option(names = "--outbound-queue", paramLabel = "FRAMES", defaultValue = "4096", description = "Frames queued for a client before it is disconnected as too slow (default: ${DEFAULT-VALUE}).")
    private int outboundQueue;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "100", description = "Requests a second a connection may make, bursts up to twice that; 0 for no limit (default: ${DEFAULT-VALUE}).")
    private int rateLimit;

    @Option(names = "--argon2", paramLabel = "COST", defaultValue = "m=19456,t=2,p=1", description = "Argon2id cost for new password hashes: memory KiB, iterations, lanes (default: ${DEFAULT-VALUE}).")
    private String argon2;

    @Option(names = "--plaintext", description = "Serve without TLS, on purpose: for nc sessions, teaching, and clients that speak no TLS. The server warns at start.")
    private boolean plaintext;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "The server's certificate chain as PEM, instead of the self-signed one it makes and keeps beside its database (server.p12). Goes with --tls-key.")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The certificate's private key as PEM (PKCS#8 or a key pair, unencrypted).")
    private Path tlsKey;

    @Option(names = "--room-password", paramLabel = "PASSWORD", description = "A password clients must give before they sign up or log in (CSC573's room). Only its Argon2id hash is kept. Others on this machine can read a command line: --room-password-file is safer.")
    private String roomPassword;

    @Option(names = "--room-password-file", paramLabel = "FILE", description = "Read the room password from the first line of FILE.")
    private Path roomPasswordFile;

    @Option(names = "--kick-votes", paramLabel = "K", defaultValue = "2", description = "Distinct other users whose votes kick a user out (default: ${DEFAULT-VALUE}, as in CSC573).")
    private int kickVotes;

    @Option(names = "--kick-window", paramLabel = "DURATION", defaultValue = "5m", description = "How long a kick vote counts (default: ${DEFAULT-VALUE}).")
    private String kickWindow;

    @Option(names = "--kick-ban", paramLabel = "DURATION", defaultValue = "10m", description = "How long a kicked user may not log in again (default: ${DEFAULT-VALUE}).")
    private String kickBan;

    @Option(names = "--no-console", description = "Do not read operator commands, even on an interactive terminal.")
    private boolean noConsole;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "90s", description = "Close a connection that sent nothing for this long as dead; clients ping at a third of it; 0 for never (default: ${DEFAULT-VALUE}).")
    private String idleTimeout;

    @Option(names = "--tempid-ttl", paramLabel = "DURATION", defaultValue = "15m", description = "How long a contact-tracing tempID is valid (default: ${DEFAULT-VALUE}).")
    private String tempIdTtl;

    @Option(names = "--tempids-file", paramLabel = "FILE", description = "Keep every issued tempID in FILE, in the seed's tempIDs.txt format (the bluetrace profile keeps tempIDs.txt where the server runs).")
    private Path tempIdsFile;

    @Option(names = "--stats", paramLabel = "FILE", description = "Append the server's CPU time, heap, threads, its own stalls (hiccups), connections, sessions, and the database's commits and the transactions they held to FILE as JSON lines, for load runs.")
    private Path statsFile;

    @Option(names = "--stats-every", paramLabel = "DURATION", defaultValue = "1s", description = "How often --stats writes a line (default: ${DEFAULT-VALUE}).")
    private String statsEvery;

    @Option(names = "--carriers", paramLabel = "N", description = "Platform threads that run the server's virtual threads, 1 to 256 (default: one per core). ./lab simulate gives a server it starts half the cores, the load the rest.")
    private Integer carriers;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of timestamps, e.g. Australia/Sydney (default: the system's).")
    private ZoneId zone;

    @CommandLine.Mixin
    private chatlab.cli.Verbosity verbosity;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Where the server runs: the folder the seed profiles read credentials.txt from and write their files to. */
    private final Path here;

    public ServerMain() {
        this(Path.of(""));
    }

    ServerMain(Path here) {
        this.here = here;
    }

    public static void main(String[] args) {
        Commands.main(new ServerMain(), args);
    }

    @Override
    public Integer call() {
        verbosity.apply();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            Carriers.use(carriers, err::println);
            config = config();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        ChatServer server;
        try {
            server = ChatServer.start(config);
        } catch (CredentialsFile.InvalidException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException | StoreException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        chatlab.stats.ProcessStats stats;
        try {
            stats = statsFile == null ? null : chatlab.stats.ProcessStats.start(statsFile,
                    chatlab.p2p.impair.Units.duration(statsEvery), () -> {
                        long[] commits = server.commitCounts();
                        return java.util.Map.of("connections", (long) server.connectionCount(),
                                "sessions", (long) server.sessionCount(), "commits", commits[0], "transactions", commits[1]);
                    });
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: --stats: " + e.getMessage());
            server.close();
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stats != null) {
                stats.close();
            }
            server.close();
            System.out.println("chatlab server stopped");
            stopped.countDown();
        }, "chatlab-shutdown"));
        boolean console = !noConsole && ServerConsole.interactive();
        banner(server, config, console);
        if (console) {
            ServerConsole operator = new ServerConsole(server.room(), System.out, () -> System.exit(0));
            Thread.ofPlatform().name("chatlab-console").daemon().start(() -> {
                try {
                    operator.run(new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                            java.nio.charset.Charset.defaultCharset())));
                } catch (IOException e) {
                    System.err.println("the console stopped reading: " + e.getMessage());
                }
            });
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * The positional arguments, read as the profile's seed reads them: Toom's {@code PORT
     * [ATTEMPTS]}, BlueTrace's {@code PORT BLOCK_DURATION}, CSC573's {@code IP PORT PASSWORD};
     * chatlab's own profile takes Toom's and CSC573's forms.
     */
    record Positionals(String host, Integer port, String attempts, Long blockSeconds, String roomPassword) {
        static Positionals of(chatlab.protocol.Profile profile, List<String> args) {
            return switch (profile) {
                case TOOM -> {
                    atMost(args, 2, "the toom profile takes PORT ATTEMPTS, as Toom's server: server 5000 3");
                    yield new Positionals(null, args.isEmpty() ? null : port(args.get(0)), args.size() > 1 ? args.get(1)
                            : null, null, null);
                }
                case BLUETRACE -> {
                    atMost(args, 2, "the bluetrace profile takes PORT BLOCK_DURATION, as BlueTrace's server: server 4601 60");
                    yield new Positionals(null, args.isEmpty() ? null : port(args.get(0)), null,
                            args.size() > 1 ? seconds(args.get(1)) : null, null);
                }
                case CS425 -> {
                    atMost(args, 0, "the cs425 profile takes -host IP -port PORT, as CS425's server");
                    yield new Positionals(null, null, null, null, null);
                }
                case CSC573 -> {
                    if (!args.isEmpty() && args.size() != 3) {
                        throw new IllegalArgumentException("the csc573 profile takes IP PORT PASSWORD, as CSC573's server: "
                                + "server 127.0.0.1 9011 lokipass");
                    }
                    yield args.isEmpty() ? new Positionals(null, null, null, null, null)
                            : new Positionals(args.get(0), port(args.get(1)), null, null, args.get(2));
                }
                case CHATLAB, COMPSYS302 -> chatlab(args);
            };
        }

        private static Positionals chatlab(List<String> args) {
            return switch (args.size()) {
                case 0 -> new Positionals(null, null, null, null, null);
                case 1 -> new Positionals(null, port(args.get(0)), null, null, null);
                case 2 -> isAddress(args.get(0)) ? new Positionals(args.get(0), port(args.get(1)), null, null, null)
                        : new Positionals(null, port(args.get(0)), args.get(1), null, null);
                default -> {
                    if (!isAddress(args.get(0))) {
                        throw new IllegalArgumentException("with three arguments the first is the address to listen "
                                + "on, as in 'server 127.0.0.1 9011 PASSWORD', not '" + args.get(0) + "'");
                    }
                    yield new Positionals(args.get(0), port(args.get(1)), null, null, args.get(2));
                }
            };
        }

        private static void atMost(List<String> args, int count, String form) {
            if (args.size() > count) {
                throw new IllegalArgumentException(form + "; not " + String.join(" ", args));
            }
        }

        private static boolean isAddress(String text) {
            return !text.chars().allMatch(Character::isDigit) && (text.contains(".") || text.contains(":")
                    || text.equalsIgnoreCase("localhost"));
        }

        private static int port(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the port must be a number, not '" + text + "'");
            }
        }

        private static long seconds(String text) {
            try {
                long value = Long.parseLong(text);
                if (value >= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // the same message as a number below 1
            }
            throw new IllegalArgumentException("the block duration must be a whole number of seconds, at least 1, not '"
                    + text + "'");
        }
    }

    ServerConfig config() {
        chatlab.protocol.Profile seed = profile == null ? chatlab.protocol.Profile.CHATLAB
                : chatlab.protocol.Profile.parse(profile);
        Positionals given = Positionals.of(seed, positionals);
        int resolvedPort = Commands.either(port, given.port(), seed.defaultPort(), "port");
        String attempts = Commands.either(maxAttempts, given.attempts(), "3", "number of attempts");
        String resolvedHost = Commands.either(host, given.host(), "127.0.0.1", "address to listen on");
        long block = Commands.either(blockSeconds, given.blockSeconds(),
                seed == chatlab.protocol.Profile.CS425 ? CS425_BLOCK_SECONDS : DEFAULT_BLOCK_SECONDS, "block duration");
        if (block < 1) {
            throw new IllegalArgumentException("--block-seconds must be at least 1, not " + block);
        }
        boolean readsCredentialsHere = seed == chatlab.protocol.Profile.TOOM || seed == chatlab.protocol.Profile.BLUETRACE;
        Path accounts = credentials;
        if (accounts == null && readsCredentialsHere) {
            accounts = here.resolve(SEED_CREDENTIALS);
            if (!java.nio.file.Files.isRegularFile(accounts)) {
                throw new IllegalArgumentException(SEED_CREDENTIALS + " not found in "
                        + here.toAbsolutePath().normalize() + ": the " + seed.wire() + " profile reads its accounts from "
                        + "there, as " + (seed == chatlab.protocol.Profile.TOOM ? "Toom's" : "BlueTrace's")
                        + " server did (or give --credentials FILE)");
            }
        }
        Path resolvedLogs = logs != null ? logs : seed == chatlab.protocol.Profile.TOOM ? here : null;
        Path tempIds = tempIdsFile != null ? tempIdsFile
                : seed == chatlab.protocol.Profile.BLUETRACE ? here.resolve(SEED_TEMP_IDS) : null;
        return ServerConfig.builder()
                .profile(seed)
                .room(new RoomPolicy(null, kickVotes, chatlab.p2p.impair.Units.duration(kickWindow),
                        chatlab.p2p.impair.Units.duration(kickBan)))
                .roomPassword(roomPassword(given.roomPassword()))
                .host(resolvedHost)
                .port(resolvedPort)
                .db(db)
                .durability(durability)
                .lockout(new LockoutPolicy(LockoutPolicy.parseMaxAttempts(attempts), Duration.ofSeconds(block)))
                .allowMultipleSessions(allowMultipleSessions)
                .signupEnabled(!noSignup && !readsCredentialsHere)
                .outboundQueue(outboundQueue)
                .rateLimit(rateLimit)
                .hashCost(PasswordHasher.Cost.parse(argon2))
                .zone(zone == null ? ZoneId.systemDefault() : zone)
                .credentials(accounts)
                .logs(resolvedLogs)
                .freshBoard(seed == chatlab.protocol.Profile.TOOM)
                .tempIdTtl(chatlab.p2p.impair.Units.duration(tempIdTtl))
                .tempIdsFile(tempIds)
                .idleTimeout(chatlab.p2p.impair.Units.duration(idleTimeout))
                .plaintext(plaintext)
                .tls(tlsCert, tlsKey)
                .build();
    }

    /** The room password from the positional form, --room-password or --room-password-file: at most one. */
    private String roomPassword(String positional) {
        long given = java.util.stream.Stream.of(positional, roomPassword, roomPasswordFile)
                .filter(java.util.Objects::nonNull).count();
        if (given > 1) {
            throw new IllegalArgumentException("give the room password once: as the third argument, with "
                    + "--room-password or with --room-password-file");
        }
        if (roomPasswordFile == null) {
            return positional != null ? positional : roomPassword;
        }
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(roomPasswordFile)) {
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException("--room-password-file: the first line of " + roomPasswordFile
                        + " is empty; it must hold the room password");
            }
            return line;
        } catch (IOException e) {
            throw new IllegalArgumentException("--room-password-file: cannot read " + roomPasswordFile + ": "
                    + e.getMessage());
        }
    }

    private static void banner(ChatServer server, ServerConfig config, boolean console) {
        LockoutPolicy lockout = config.lockout();
        System.out.printf("chatlab server %s listening on %s:%d (protocol version %d)%n", Version.get(), server.host(),
                server.port(), Protocol.VERSION);
        System.out.printf("  database  %s%n", config.db().toAbsolutePath().normalize());
        if (config.profile().seed()) {
            System.out.printf("  profile   %s: %s%n", config.profile().wire(), config.profile().summary());
        }
        if (config.logs() != null) {
            System.out.printf("  logs      %s and %s in %s%n", SeedLogs.USER_LOG, SeedLogs.MESSAGE_LOG,
                    config.logs().toAbsolutePath().normalize());
        }
        if (config.tempIdsFile() != null) {
            System.out.printf("  tempIDs   %s%n", config.tempIdsFile().toAbsolutePath().normalize());
        }
        System.out.printf("  lockout   %d failed attempt%s block an account for %d s%n", lockout.maxAttempts(),
                lockout.maxAttempts() == 1 ? "" : "s", lockout.blockDuration().toSeconds());
        if (server.fingerprint() != null) {
            System.out.printf("  tls       TLS 1.3, certificate %s (%s)%n", server.fingerprint(),
                    config.tlsCert() != null ? config.tlsCert().toAbsolutePath().normalize()
                            : config.keyStore().toAbsolutePath().normalize());
        } else {
            System.out.println("  plaintext WARNING: no TLS. Passwords and messages cross the network readable by anyone "
                    + "on the path; leave out --plaintext to encrypt them.");
        }
        System.out.printf("  threads   virtual, on %d carrier thread%s%n", Carriers.current(), Carriers.current() == 1 ? "" : "s");
        RoomPolicy room = config.room();
        System.out.printf("  room      %s; a kick takes %d vote%s within %s and bans for %s%n",
                room.guarded() ? "password required (only its Argon2id hash is kept)" : "no password",
                room.kickVotes(), room.kickVotes() == 1 ? "" : "s", chatlab.p2p.impair.Units.format(room.kickWindow()),
                chatlab.p2p.impair.Units.format(room.kickBan()));
        System.out.printf("  sessions  %s; signup %s; time zone %s%n",
                config.allowMultipleSessions() ? "several per user" : "one per user",
                config.signupEnabled() ? "open" : "closed", config.zone().getId());
        if (console) {
            System.out.println(ServerConsole.HELP + ".");
        }
        System.out.println("Press Ctrl+C to stop.");
        System.out.flush();
    }
}
