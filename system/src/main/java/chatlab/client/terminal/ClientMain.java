package chatlab.client.terminal;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.impair.Units;
import chatlab.p2p.transfer.TransferSettings;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab client}: the interactive terminal client. */
@Command(name = "lab client", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs the interactive chatlab terminal client.",
                "The Toom form 'client SERVER_IP SERVER_PORT UDP_PORT' works too; with --profile csc573,",
                "CSC573's 'client SERVER_IP SERVER_PORT ROOM_PASSWORD'.",
                "The client prints in the wording of the server's profile unless --profile names another."},
        footer = {"", "Examples:",
                "  ./lab client --port 4242 --udp-port 6001",
                "  ./lab client 127.0.0.1 5000 6001             (Toom's argument order)",
                "  ./lab client --user alice < commands.txt      (scripted: one command per line)",
                "  ./lab client --impair loss=0.05,delay=20ms,jitter=5ms --window 16",
                "  ./lab client --impair loss=0.05 --trace traces/t.jsonl   (traces/t-1-sent-bob.jsonl, ...)",
                "  ./lab client --room-password lokipass      (a CSC573 room; without it the client asks)",
                "  ./lab client --profile csc573 127.0.0.1 9011 lokipass",
                "  ./lab client --profile cs425 -host 127.0.0.1 -port 2000",
                "", "Exit codes: 0 logged out, 1 could not connect or log in, 2 invalid arguments,",
                "3 kicked out of the room."})
public final class ClientMain implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER_IP", description = "Same as --host.")
    private String positionalHost;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SERVER_PORT", description = "Same as --port.")
    private Integer positionalPort;

    @Parameters(index = "2", arity = "0..1", paramLabel = "UDP_PORT", description = "Same as --udp-port; with --profile csc573, the room password.")
    private String positionalThird;

    @Option(names = "--profile", paramLabel = "NAME", description = "Print in a seed system's wording, and read its argument forms: toom, bluetrace, cs425, csc573, compsys302 or chatlab (default: the server's profile).")
    private String profile;

    @Option(names = {"-H", "--host", "-host"}, description = "Server address (default: 127.0.0.1). -host is CS425's spelling.")
    private String host;

    @Option(names = {"-p", "--port", "-port"}, description = "Server TCP port (default: 4242; 2000 in the cs425 profile). -port is CS425's spelling.")
    private Integer port;

    @Option(names = {"-u", "--udp-port"}, paramLabel = "PORT", description = "UDP port for peer-to-peer files, shown to others by ATU (default: a free one).")
    private Integer udpPort;

    @Option(names = "--downloads", paramLabel = "DIR", defaultValue = "downloads", description = "Where received files are saved as <sender>_<file> (default: ${DEFAULT-VALUE}).")
    private Path downloads;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "gbn", description = "How files are made reliable: gbn (Go-Back-N), sr (Selective Repeat) or saw (Stop-and-Wait) (default: ${DEFAULT-VALUE}).")
    private String strategy;

    @Option(names = "--window", paramLabel = "N", defaultValue = "32", description = "Segments in flight when sending a file (default: ${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--chunk", paramLabel = "BYTES", defaultValue = "1024", description = "File bytes per datagram (default: ${DEFAULT-VALUE}).")
    private int chunk;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "A fixed retransmission timeout, e.g. 50ms (default: adaptive, RFC 6298).")
    private String timeout;

    @Option(names = "--impair", paramLabel = "SPEC", description = "Impair this client's outgoing datagrams, e.g. loss=0.05,delay=20ms,jitter=5ms (keys: loss, burst, delay, jitter, dup, reorder, corrupt, rate, queue).")
    private String impair;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write a trace of each file transfer sent or received (JSON lines, docs/TRACES.md) to FILE with -<n>-sent-<peer> or -<n>-received-<peer> before its extension; draw one with ./lab gbn timeline.")
    private Path trace;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Where the contact log (<user>_contactlog.txt) and each user's identity key and known keys for direct messages (<user>/) are kept (default: ${DEFAULT-VALUE}).")
    private Path data;

    @CommandLine.Mixin
    private chatlab.cli.DirectOptions directOptions;

    @Option(names = "--contact-ttl", paramLabel = "DURATION", defaultValue = "3m", description = "How long a heard beacon stays in the contact log (default: ${DEFAULT-VALUE}).")
    private String contactTtl;

    @Option(names = "--beacon-peers", split = ",", paramLabel = "IP:PORT", description = "Beacon these peers automatically, every --beacon-every.")
    private List<String> beaconPeers = List.of();

    @Option(names = "--beacon-every", paramLabel = "DURATION", defaultValue = "10s", description = "The interval of automatic beacons (default: ${DEFAULT-VALUE}).")
    private String beaconEvery;

    @Option(names = "--impair-seed", paramLabel = "N", description = "Seed for the impairer: the same seed gives every datagram the same fate (default: random, printed).")
    private Long impairSeed;

    @Option(names = "--user", paramLabel = "NAME", description = "Log in as NAME without asking for it.")
    private String user;

    @Option(names = "--history", paramLabel = "FILE", description = "Command history file (default: ~/.chatlab_history).")
    private Path history;

    @Option(names = "--no-history", description = "Keep no command history on disk.")
    private boolean noHistory;

    @CommandLine.Mixin
    private chatlab.cli.TlsOptions tls;

    @Option(names = "--room-password", paramLabel = "PASSWORD", description = "The room password, for a server whose room has one (otherwise the client asks, which keeps it off the command line).")
    private String roomPassword;

    @Option(names = "--no-presence", description = "Do not show users coming online and going offline.")
    private boolean noPresence;

    @CommandLine.Mixin
    private chatlab.cli.Verbosity verbosity;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new ClientMain(), args);
    }

    @Override
    public Integer call() throws IOException {
        return run(null);
    }

    /** Runs the client, as parsed from its arguments, on a terminal given to it: for replayed sessions in tests. */
    public int runOn(Terminal terminal) throws IOException {
        return run(terminal);
    }

    private int run(Terminal given) throws IOException {
        verbosity.apply();
        String resolvedHost;
        int resolvedPort;
        Integer resolvedUdp;
        String resolvedRoom;
        chatlab.protocol.Profile seed;
        try {
            seed = chatlab.protocol.Profile.parse(profile);
            boolean csc573 = seed == chatlab.protocol.Profile.CSC573;
            resolvedHost = Commands.either(host, positionalHost, "127.0.0.1", "server address");
            resolvedPort = Commands.either(port, positionalPort,
                    (seed == null ? chatlab.protocol.Profile.CHATLAB : seed).defaultPort(), "server port");
            resolvedUdp = Commands.either(udpPort, csc573 ? null : udpPort(positionalThird), null, "UDP port");
            resolvedRoom = Commands.either(roomPassword, csc573 ? positionalThird : null, null, "room password");
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        if (resolvedPort < 1 || resolvedPort > 65_535 || (resolvedUdp != null && (resolvedUdp < 0 || resolvedUdp > 65_535))) {
            spec.commandLine().getErr().println("error: ports are numbers from 1 to 65535");
            return 2;
        }
        TerminalClient.Files files;
        TerminalClient.Tracing tracing;
        chatlab.tls.ChannelSecurity security;
        chatlab.p2p.direct.DirectMessages.Settings direct;
        try {
            files = files();
            tracing = tracing();
            security = tls.security(System.out::println);
            direct = directOptions.settings();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Path historyFile = noHistory ? null
                : history != null ? history : Path.of(System.getProperty("user.home"), ".chatlab_history");
        TerminalClient.Settings settings = new TerminalClient.Settings(resolvedHost, resolvedPort,
                resolvedUdp == null ? 0 : resolvedUdp, user, historyFile, !noPresence, files, tracing, security,
                resolvedRoom, seed).withDirect(direct);
        if (given != null) {
            return new TerminalClient(given, settings).run();
        }
        try (Terminal terminal = TerminalBuilder.builder().name("chatlab").system(true).dumb(true).build()) {
            return new TerminalClient(terminal, settings).run();
        }
    }

    /** The third positional argument as Toom's UDP port. */
    private static Integer udpPort(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the UDP port must be a number, not '" + text
                    + "' (for CSC573's SERVER_IP SERVER_PORT ROOM_PASSWORD, add --profile csc573)");
        }
    }

    private TerminalClient.Tracing tracing() {
        List<java.net.InetSocketAddress> peers = new java.util.ArrayList<>();
        for (String peer : beaconPeers) {
            try {
                peers.add(Units.hostPort(peer));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--beacon-peers: " + e.getMessage());
            }
        }
        return new TerminalClient.Tracing(data, Units.duration(contactTtl), peers, Units.duration(beaconEvery),
                java.time.InstantSource.system());
    }

    private TerminalClient.Files files() {
        TransferSettings transfer = TransferSettings.DEFAULT.withStrategy(Strategy.parse(strategy)).withWindow(window)
                .withChunkSize(chunk);
        if (timeout != null) {
            transfer = transfer.withFixedTimeout(Units.duration(timeout));
        }
        long seed = impairSeed != null ? impairSeed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        if (trace != null && (java.nio.file.Files.isDirectory(trace) || trace.getFileName() == null)) {
            throw new IllegalArgumentException("--trace takes a file name such as traces/t.jsonl, not the folder " + trace);
        }
        return new TerminalClient.Files(downloads, transfer, Impairment.parse(impair), seed, trace);
    }
}
