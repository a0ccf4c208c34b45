package chatlab.web;

import chatlab.cli.Commands;
import chatlab.cli.TlsOptions;
import chatlab.cli.VersionProvider;
import chatlab.p2p.impair.Units;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lab web}: the browser client. */
@Command(name = "lab web", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs the browser client: a local process that speaks to the chat server",
                "for you and serves its page on http://127.0.0.1:PORT. Several people can",
                "sign in to it at once, each from their own browser, each with their own",
                "connection and UDP port for files."},
        footer = {"", "Examples:",
                "  ./lab web --port 8080 --server 127.0.0.1:4242",
                "  ./lab web --server chat.example.org:4242 --trust SHA256:...",
                "  ./lab web --server 127.0.0.1:4242 --plaintext --udp-port 6001",
                "  ./lab web --relays 5 --fallback server   direct messages for users away: five relays, else the server",
                "", "Exit codes: 0 stopped, 1 could not start, 2 invalid arguments."})
public final class WebMain implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port of the page (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address the page listens on (default: ${DEFAULT-VALUE}, only this machine). Anything else lets others reach it.")
    private String bind;

    @Option(names = {"-s", "--server"}, paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:4242", description = "The chat server (default: ${DEFAULT-VALUE}).")
    private String server;

    @Option(names = {"-u", "--udp-port"}, paramLabel = "PORT", defaultValue = "0", description = "UDP port for peer-to-peer files of the first session; each further session takes the next free one (default: free ones).")
    private int udpPort;

    @Option(names = "--downloads", paramLabel = "DIR", defaultValue = "downloads", description = "Where received files are saved, in a folder per user, as <user>/<sender>_<file> (default: ${DEFAULT-VALUE}).")
    private Path downloads;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Where each user's identity key, known keys and direct messages (held for others too) are kept, in a folder per user (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--room-password", paramLabel = "PASSWORD", description = "The room password, for a server whose room has one.")
    private String roomPassword;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "20", description = "Requests per second each browser session may make to this web client (default: ${DEFAULT-VALUE}; bursts of twice as many).")
    private double rate;

    @Option(names = "--idle-after", paramLabel = "DURATION", defaultValue = "5m", description = "How long a page waits without mouse or keyboard input before it sets its user idle; 0 never (default: ${DEFAULT-VALUE}).")
    private String idleAfter;

    @CommandLine.Mixin
    private chatlab.cli.DirectOptions direct;

    @CommandLine.Mixin
    private TlsOptions tls;

    @CommandLine.Mixin
    private chatlab.cli.Verbosity verbosity;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new WebMain(), args);
    }

    @Override
    public Integer call() throws InterruptedException {
        verbosity.apply();
        WebConfig config;
        try {
            InetSocketAddress target = Units.hostPort(server);
            if (port < 0 || port > 65_535 || udpPort < 0 || udpPort > 65_535) {
                throw new IllegalArgumentException("ports are numbers from 0 to 65535");
            }
            if (!(rate > 0)) {
                throw new IllegalArgumentException("--rate must be more than 0");
            }
            config = new WebConfig(bind, port, target.getHostString(), target.getPort(),
                    tls.security(System.out::println), udpPort, downloads, roomPassword, rate,
                    (int) Math.max(1, Math.ceil(rate * 2)), Units.duration(idleAfter), data, direct.settings());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        WebServer web;
        try {
            web = WebServer.start(config);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: the page could not be served on " + bind + ":" + port + ": "
                    + e.getMessage());
            return 1;
        }
        System.out.println("chatlab web client for " + server + " at " + web.url() + " (Ctrl-C to stop)");
        if (!config.loopback()) {
            System.out.println("Listening on " + bind + ": other machines can reach this page.");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            stopped.countDown();
        }, "web-stop"));
        stopped.await();
        return 0;
    }
}
