package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.terminal.ClientMain;
import chatlab.server.ServerProcess;
import chatlab.testing.Recorder;
import chatlab.testing.ScriptedTerminal;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a seed system's sessions as its document describes them: the server started with the
 * seed's own command line in a folder of its own (where it reads credentials.txt and writes its
 * files), and each user at chatlab's terminal client started with the seed client's command
 * line. What a user sees is compared line by line with the seed's texts, where {@code <time>},
 * {@code <port>}, {@code <tempID>} and {@code <n>} stand for what changes from run to run.
 */
public final class SeedSteps {
    /** What the placeholders of an expected line may stand for. */
    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "<time>", "(?:\\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2}|\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2})",
            "<port>", "\\d{1,5}",
            "<tempID>", "\\d{20}",
            "<n>", "\\d+",
            "<path>", "\\S+");
    private static final Pattern PLACEHOLDER = Pattern.compile("<time>|<port>|<tempID>|<n>|<path>");
    /** A prompt that an answer is printed after, on the same line: the user's own, or the login dialog's. */
    private static final Pattern PROMPT = Pattern.compile("^(?:\\S+> |Username: |Password: |Room password: )+");

    private final World world;
    private final Map<String, Client> clients = new LinkedHashMap<>();
    /** Each user's UDP port, for lines that name it as {@code <udp of USER>}. */
    private final Map<String, Integer> udpPorts = new LinkedHashMap<>();
    private Path folder;
    private ServerProcess server;

    public SeedSteps(World world) {
        this.world = world;
    }

    /** One user at a terminal client: what it printed, and how far the feature has read. */
    private static final class Client {
        final ScriptedTerminal terminal;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        int seenLines;

        Client(ScriptedTerminal terminal) {
            this.terminal = terminal;
        }

        /** The lines the user sees: each as the terminal leaves it, without the prompt before it, blank ones left out. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String raw : terminal.output().split("\r?\n", -1)) {
                String visible = raw.substring(raw.lastIndexOf('\r') + 1);
                String text = PROMPT.matcher(visible).replaceFirst("").strip();
                if (!text.isEmpty()) {
                    lines.add(text);
                }
            }
            return lines;
        }
    }

    @Given("a folder whose credentials.txt holds:")
    public void credentials(String lines) throws IOException {
        folder = Files.createDirectories(world.files("seed"));
        Files.writeString(folder.resolve("credentials.txt"), lines.strip() + "\n", StandardCharsets.UTF_8);
    }

    @Given("the server is started with {string}")
    public void startServerInItsOwnFolder(String arguments) throws IOException {
        startServer(arguments);
    }

    @Given("the server is started there with {string}")
    public void startServer(String arguments) throws IOException {
        if (folder == null) {
            folder = Files.createDirectories(world.files("seed"));
        }
        List<String> args = new ArrayList<>();
        for (String word : arguments.split(" ")) {
            args.add(switch (word) {
                case "SERVER_IP" -> "127.0.0.1";
                case "PORT" -> "0";
                default -> word;
            });
        }
        // test-only additions: a throwaway database, UTC, cheap password hashes, no console
        args.addAll(List.of("--db", folder.resolve("data").resolve("chatlab.db").toString(), "--zone", "UTC",
                "--argon2", "m=256,t=1,p=1", "--no-console"));
        server = ServerProcess.start(List.of(), args, folder, Recorder.WAIT);
    }

    @When("{word} runs the client with {string}")
    public void runClient(String user, String arguments) throws IOException {
        List<String> args = new ArrayList<>();
        for (String word : arguments.split(" ")) {
            args.add(switch (word) {
                case "SERVER_IP" -> "127.0.0.1";
                case "SERVER_PORT" -> Integer.toString(server.port());
                case "UDP_PORT" -> {
                    int udp = freeUdpPort();
                    udpPorts.put(user, udp);
                    yield Integer.toString(udp);
                }
                default -> word;
            });
        }
        Path home = Files.createDirectories(folder.resolve("client-" + user));
        args.addAll(List.of("--trust", server.fingerprint(), "--no-history", "--downloads",
                home.resolve("downloads").toString(), "--data", home.resolve("data").toString()));
        ClientMain main = new ClientMain();
        chatlab.cli.Commands.line(main).parseArgs(args.toArray(String[]::new));
        Client client = new Client(new ScriptedTerminal());
        clients.put(user, client);
        // a platform thread, as ./lab client runs it on main: JLine's blocking reads would pin a virtual thread
        Thread.ofPlatform().daemon().name("seed-client-" + user).start(() -> {
            try {
                client.exit.complete(main.runOn(client.terminal.terminal()));
            } catch (IOException | RuntimeException e) {
                client.exit.completeExceptionally(e);
            }
        });
    }

    /** Types a line; {@code <folder>} stands for the folder the server runs in, {@code <udp of USER>} for a UDP port. */
    @When("{word} types {string}")
    public void types(String user, String line) {
        client(user).terminal.type(ports(line.replace("<folder>", folder.toAbsolutePath().toString())));
    }

    @Then("{word} sees:")
    public void sees(String user, String expected) {
        Client client = client(user);
        List<String> wanted = expected.lines().map(String::strip).filter(l -> !l.isEmpty()).map(this::ports).toList();
        int from = client.seenLines;
        await().atMost(Recorder.WAIT).untilAsserted(() -> {
            List<String> lines = client.lines();
            List<String> fresh = lines.subList(Math.min(from, lines.size()), lines.size());
            assertThat(matches(wanted, fresh)).as("%s should see, line by line:%n%s%nbut saw:%n%s%s", user,
                    String.join("\n", wanted), String.join("\n", fresh), ended(client)).isTrue();
        });
        client.seenLines = from + wanted.size();
    }

    @Then("{word}'s client exits with code {int}")
    public void exits(String user, int code) {
        Client client = client(user);
        await().atMost(Recorder.WAIT).until(client.exit::isDone);
        assertThat(client.exit.join()).isEqualTo(code);
    }

    @Then("the server's {word} holds:")
    public void fileHolds(String name, String expected) {
        List<String> wanted = expected.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        Path file = folder.resolve(name);
        await().atMost(Recorder.WAIT).untilAsserted(() -> {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            assertThat(lines.size() == wanted.size() && matches(wanted, lines)).as("%s should hold:%n%s%nbut holds:%n%s",
                    name, String.join("\n", wanted), String.join("\n", lines)).isTrue();
        });
    }

    @Then("the server's {word} is empty")
    public void fileIsEmpty(String name) throws IOException {
        assertThat(Files.readAllLines(folder.resolve(name), StandardCharsets.UTF_8)).isEmpty();
    }

    @Then("the server printed {string}")
    public void serverPrinted(String expected) {
        Pattern wanted = pattern(expected);
        await().atMost(Recorder.WAIT).untilAsserted(() -> assertThat(server.output())
                .as("the server's output").anyMatch(line -> wanted.matcher(line.strip()).matches()));
    }

    /** An expected line with each {@code <udp of USER>} replaced by that user's UDP port. */
    private String ports(String line) {
        for (Map.Entry<String, Integer> port : udpPorts.entrySet()) {
            line = line.replace("<udp of " + port.getKey() + ">", port.getValue().toString());
        }
        return line;
    }

    /** How the client ended, if it has: for a failure's message. */
    private static String ended(Client client) {
        if (!client.exit.isDone()) {
            return "";
        }
        String raw = "\n(its terminal printed: " + client.terminal.output().replace("\r", "\\r") + ")";
        try {
            return "\n(the client exited with code " + client.exit.join() + ")" + raw;
        } catch (java.util.concurrent.CompletionException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.getCause().printStackTrace(new java.io.PrintWriter(trace));
            return "\n(the client failed: " + trace + ")" + raw;
        }
    }

    /** Whether the first lines seen match the expected ones, in order. */
    private static boolean matches(List<String> wanted, List<String> seen) {
        if (seen.size() < wanted.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!pattern(wanted.get(i)).matcher(seen.get(i)).matches()) {
                return false;
            }
        }
        return true;
    }

    /** An expected line as a pattern: its text literally, its placeholders as what they stand for. */
    private static Pattern pattern(String line) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(line);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(line.substring(last, m.start()))).append(PLACEHOLDERS.get(m.group()));
            last = m.end();
        }
        regex.append(Pattern.quote(line.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private Client client(String user) {
        Client client = clients.get(user);
        if (client == null) {
            throw new IllegalStateException(user + " has no client running; start one with '" + user
                    + " runs the client with ...' (running: " + clients.keySet() + ")");
        }
        return client;
    }

    private static int freeUdpPort() {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @After
    public void stop() throws IOException {
        for (Client client : clients.values()) {
            client.terminal.endInput();
        }
        for (Client client : clients.values()) {
            try {
                await().atMost(Recorder.WAIT).until(client.exit::isDone);
            } finally {
                client.terminal.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }
}
