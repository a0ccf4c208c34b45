package chatlab.driver;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Another project's server (a broker, an IRC server) that the lab starts from Debian's package on
 * a free loopback port, with a configuration kept in the project ({@code peers/<name>.conf},
 * its {@code ${port}} and {@code ${dir}}, the folder it runs in, filled in) and written into a
 * run's folder. It can be killed and started
 * again on the same port, frozen and thawed, and is stopped by its process; its output goes to
 * {@code <name>.log} beside its configuration.
 */
public final class PeerServer implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(15);

    /**
     * A server program: its name, the Debian package it comes in, its command line given its path
     * and its configuration's, its configuration's file name (in {@code peers/} and in the run's
     * folder), and the executable whose presence says the package is installed.
     */
    public record Program(String name, String debianPackage, BiFunction<Path, Path, List<String>> command,
            String configFile, String executable) {
        /** A program whose configuration is {@code NAME.conf}. */
        public Program(String name, String debianPackage, BiFunction<Path, Path, List<String>> command) {
            this(name, debianPackage, command, name + ".conf");
        }

        /** A program whose executable is called {@code name}. */
        public Program(String name, String debianPackage, BiFunction<Path, Path, List<String>> command,
                String configFile) {
            this(name, debianPackage, command, configFile, name);
        }

        /** Whether it is installed. */
        public boolean installed() {
            return path() != null;
        }

        Path path() {
            for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"}) {
                Path p = Path.of(dir, executable);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
            return null;
        }
    }

    private final Program program;
    private final List<String> command;
    /** The run's folder: whatever the server writes where it stands (ejabberd's Mnesia leaves core files) goes there. */
    private final Path workingDir;
    private final Path log;
    private final int port;
    private volatile Process process;

    private PeerServer(Program program, List<String> command, Path workingDir, Path log, int port) {
        this.program = program;
        this.command = List.copyOf(command);
        this.workingDir = workingDir;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code program} in {@code dir} and waits until it accepts connections; throws with what it said if it does not. */
    public static PeerServer start(Program program, Path dir) throws IOException {
        Path path = program.path();
        if (path == null) {
            throw new IOException(program.name() + " is not installed: install Debian's package " + program.debianPackage()
                    + " (./lab test does)");
        }
        Files.createDirectories(dir);
        int port = Processes.freeLoopbackPort();
        String template;
        try (InputStream in = PeerServer.class.getResourceAsStream("/peers/" + program.configFile())) {
            if (in == null) {
                throw new IOException("no configuration peers/" + program.configFile() + " in the lab");
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path config = Files.writeString(dir.toAbsolutePath().resolve(program.configFile()),
                template.replace("${port}", Integer.toString(port)).replace("${dir}", dir.toAbsolutePath().toString()));
        PeerServer server = new PeerServer(program, program.command().apply(path, config), config.getParent(),
                dir.resolve(program.name() + ".log"), port);
        server.launch();
        return server;
    }

    private void launch() throws IOException {
        Process started = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        process = started;
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IOException(program.name() + " exited at start (" + started.exitValue() + "): " + said());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
        }
        Processes.stop(started);
        throw new IOException(program.name() + " did not listen on 127.0.0.1:" + port + " within " + START.toSeconds()
                + " s: " + said());
    }

    private String said() {
        try {
            return Files.exists(log) ? Files.readString(log).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    public String name() {
        return program.name();
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
                throw new IllegalStateException(program.name() + " did not die within 20 s of SIGKILL");
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
            throw new UncheckedIOException("restarting " + program.name() + " on port " + port + " failed", e);
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

    /** Stops it (thawing it first, in case it is frozen) with SIGTERM, and SIGKILL if it has not gone in five seconds. */
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
