package chatlab.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./lab server} as a separate JVM, so tests can kill it for real (SIGTERM or SIGKILL). */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private volatile int port = -1;

    private ServerProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::drain);
    }

    /** Starts a server on a free port with the given database and extra arguments. */
    public static ServerProcess start(Path db, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "chatlab.server.ServerMain", "--port", "0", "--db", db.toString(), "--zone", "UTC",
                "--argon2", "m=256,t=1,p=1"));
        command.addAll(List.of(args));
        ServerProcess server = new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        await().atMost(Recorder.WAIT).until(() -> server.port > 0 || !server.process.isAlive());
        if (server.port < 0) {
            throw new IOException("the server did not start:\n" + String.join("\n", server.output));
        }
        return server;
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    public int terminate() throws InterruptedException {
        // ProcessHandle only signals; Process.destroy() would also close the pipe we read the output from.
        process.toHandle().destroy();
        return waitForExit();
    }

    /** Sends SIGKILL, as kill -9 does, and waits for the process to end. */
    public int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return waitForExit();
    }

    private int waitForExit() throws InterruptedException {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not exit in time");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
