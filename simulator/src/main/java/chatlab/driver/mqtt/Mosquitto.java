package chatlab.driver.mqtt;

import chatlab.lab.Processes;
import chatlab.server.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A mosquitto broker the lab starts on a free loopback port with the configuration kept in the
 * project ({@code peers/mosquitto.conf}), written into a run's folder; it can be killed and
 * started again on the same port, frozen and thawed, and is stopped by its process. The
 * configuration keeps nothing on disk, so what it held is gone after a kill: MQTT's promise,
 * as this broker keeps it, does not survive a crash.
 */
public final class Mosquitto implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(15);

    private final Path program;
    private final Path config;
    private final Path log;
    private final int port;
    private volatile Process process;

    private Mosquitto(Path program, Path config, Path log, int port) {
        this.program = program;
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /** Whether the mosquitto program is installed (Debian's package {@code mosquitto}). */
    public static boolean installed() {
        return program() != null;
    }

    private static Path program() {
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"}) {
            Path p = Path.of(dir, "mosquitto");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Starts a broker in {@code dir} and waits until it accepts connections; throws with what it said if it does not. */
    public static Mosquitto start(Path dir) throws IOException {
        Path program = program();
        if (program == null) {
            throw new IOException("mosquitto is not installed: install Debian's package mosquitto (./lab test does)");
        }
        Files.createDirectories(dir);
        int port = Processes.freeLoopbackPort();
        String template;
        try (InputStream in = Mosquitto.class.getResourceAsStream("/peers/mosquitto.conf")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path config = Files.writeString(dir.resolve("mosquitto.conf"), template.replace("${port}", Integer.toString(port)));
        Mosquitto broker = new Mosquitto(program, config, dir.resolve("mosquitto.log"), port);
        broker.launch();
        return broker;
    }

    private void launch() throws IOException {
        Process started = new ProcessBuilder(program.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        process = started;
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IOException("mosquitto exited at start (" + started.exitValue() + "): " + said());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        }
        Processes.stop(started);
        throw new IOException("mosquitto did not listen on 127.0.0.1:" + port + " within " + START.toSeconds() + " s: "
                + said());
    }

    private String said() {
        try {
            return Files.exists(log) ? Files.readString(log).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    public long pid() {
        return process.pid();
    }

    /** Kills it with SIGKILL, as kill -9 does, and waits until it is gone. */
    public void kill() {
        Process current = process;
        current.destroyForcibly();
        try {
            if (!current.waitFor(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mosquitto did not die within 20 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts it again on the same port with the same configuration, and waits until it listens. */
    public void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("restarting mosquitto on port " + port + " failed", e);
        }
    }

    /** Freezes it with SIGSTOP. */
    public void pause() {
        ServerProcess.signal(process.pid(), "STOP");
    }

    /** Thaws it with SIGCONT. */
    public void resume() {
        ServerProcess.signal(process.pid(), "CONT");
    }

    /** Stops the broker (thawing it first, in case it is frozen) with SIGTERM, and SIGKILL if it has not gone in five seconds. */
    @Override
    public void close() {
        Process current = process;
        if (current.isAlive()) {
            try {
                resume();
            } catch (IllegalStateException e) {
                current.destroyForcibly(); // cannot be thawed: it goes anyway
            }
        }
        Processes.stop(current);
    }
}
