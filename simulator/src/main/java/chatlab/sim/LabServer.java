package chatlab.sim;

import chatlab.nemesis.ServerControl;
import chatlab.server.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server a run started in its own JVM, which the nemesis may kill and start again on the
 * same port and database, or freeze and thaw. Its stats file carries on across restarts.
 */
final class LabServer implements ServerControl, AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> jvmOptions;
    private final List<String> args;
    private final PrintStream console;
    private volatile ServerProcess process;
    private final int port;

    private LabServer(List<String> jvmOptions, List<String> args, PrintStream console, ServerProcess process) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.args = List.copyOf(args);
        this.console = console;
        this.process = process;
        this.port = process.port();
    }

    /** Starts {@code ServerMain} with {@code args}, which must ask for {@code --port 0}. */
    static LabServer start(List<String> jvmOptions, List<String> args, PrintStream console) throws IOException {
        return new LabServer(jvmOptions, args, console, ServerProcess.start(jvmOptions, args, START_TIMEOUT));
    }

    int port() {
        return port;
    }

    /** The carrier threads it runs its virtual threads on, as its banner said; null if it did not say. */
    Integer carriers() {
        int said = process.carriers();
        return said > 0 ? said : null;
    }

    long pid() {
        return process.pid();
    }

    /** How clients trust it: by the fingerprint of the certificate it printed, which it keeps across restarts. */
    chatlab.tls.ChannelSecurity security() {
        String fingerprint = process.fingerprint();
        return fingerprint == null ? new chatlab.tls.ChannelSecurity.Plaintext()
                : new chatlab.tls.ChannelSecurity.Pinned(fingerprint);
    }

    @Override
    public void kill() {
        try {
            process.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        console.println("Nemesis: server killed (kill -9)");
    }

    @Override
    public void restart() {
        List<String> again = new ArrayList<>(args);
        int at = again.indexOf("--port");
        again.set(at + 1, Integer.toString(port));
        try {
            process = ServerProcess.start(jvmOptions, again, START_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException("restarting the server on port " + port + " failed", e);
        }
        console.println("Nemesis: server restarted, pid " + process.pid());
    }

    @Override
    public void pause() {
        process.pause();
    }

    @Override
    public void resume() {
        process.resume();
    }

    /** Stops the server with SIGTERM, thawing it first in case it is frozen. */
    @Override
    public void close() throws InterruptedException {
        ServerProcess current = process;
        if (current.isAlive()) {
            try {
                current.resume();
                current.terminate();
            } catch (IllegalStateException e) {
                // it could not be thawed or would not stop: it must not outlive the run, and the run's findings stand
                console.println("Server: " + e.getMessage() + "; killed");
                current.close();
            }
        }
    }
}
