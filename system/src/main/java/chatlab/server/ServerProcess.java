package chatlab.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat server as a separate JVM, started from this one's Java and class path: for tools
 * that need the server in its own process (its own file limit, its own CPU and heap), and for
 * tests that kill it for real.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+)");
    private static final String BANNER_END = "Press Ctrl+C to stop.";
    private static final Pattern CERTIFICATE = Pattern.compile("certificate (SHA256:[A-Za-z0-9+/]{43})");
    private static final Pattern CARRIERS = Pattern.compile("^  threads   virtual, on (\\d+) carrier thread");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    /** Completes with the port once the whole banner is printed: the port, then the certificate, then "Press Ctrl+C". */
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private volatile int listening = -1;
    private volatile String fingerprint;
    private volatile int carriers;

    private ServerProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().name("server-process-output").start(this::drain);
    }

    /**
     * Starts {@code ServerMain} with {@code serverArgs} (give {@code --port 0} for a free port)
     * and waits until it listens. Throws with the server's own output if it does not start.
     */
    public static ServerProcess start(List<String> jvmOptions, List<String> serverArgs, Duration timeout)
            throws IOException {
        return start(jvmOptions, serverArgs, null, timeout);
    }

    /** As {@link #start(List, List, Duration)}, run in {@code directory} (null: this process's own), as a user runs it there. */
    public static ServerProcess start(List<String> jvmOptions, List<String> serverArgs, Path directory, Duration timeout)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerMain.class.getName()));
        command.addAll(serverArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        ServerProcess server = new ServerProcess(builder.start());
        try {
            server.port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return server;
        } catch (ExecutionException | TimeoutException e) {
            server.process.destroyForcibly();
            throw new IOException("the server did not start within " + timeout.toSeconds() + " s:\n"
                    + String.join("\n", server.output));
        } catch (InterruptedException e) {
            server.process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the server started", e);
        }
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                Matcher certificate = CERTIFICATE.matcher(line);
                if (certificate.find()) {
                    fingerprint = certificate.group(1);
                }
                Matcher threads = CARRIERS.matcher(line);
                if (threads.find()) {
                    carriers = Integer.parseInt(threads.group(1));
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening = Integer.parseInt(m.group(1));
                }
                if (line.startsWith(BANNER_END) && listening > 0) {
                    port.complete(listening);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        port.completeExceptionally(new IOException("the server exited"));
    }

    /** The TCP port it listens on. */
    public int port() {
        return port.getNow(-1);
    }

    /**
     * The fingerprint of the certificate it serves with, or null for a plaintext server. The
     * banner prints it right after the port, so it is read once the banner is complete.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The carrier threads its banner says its virtual threads run on; 0 if it did not say. */
    public int carriers() {
        return carriers;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it printed so far, stdout and stderr together. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    public int terminate() throws InterruptedException {
        // ProcessHandle only signals; Process.destroy() would also close the pipe the output is read from.
        process.toHandle().destroy();
        return waitForExit();
    }

    /** Freezes the process with SIGSTOP, as a debugger or a stalled machine would. */
    public void pause() {
        signal("STOP");
    }

    /** Thaws a process frozen by {@link #pause()}, with SIGCONT. */
    public void resume() {
        signal("CONT");
    }

    /**
     * The JDK signals only TERM and KILL, so the others go through the shell's own {@code kill}:
     * a builtin of every POSIX shell, where the kill(1) program (procps) may not be installed.
     */
    private void signal(String name) {
        signal(process.pid(), name);
    }

    /** Sends signal {@code name} (STOP, CONT, ...) to process {@code pid}; throws with what kill said if it failed. */
    public static void signal(long pid, String name) {
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + name + " " + pid)
                    .redirectErrorStream(true).start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid + " failed: " + said);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + name + " " + pid + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the server", e);
        }
    }

    /** Sends SIGKILL, as kill -9 does, and waits for the process to end. */
    public int kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        return waitForExit();
    }

    private int waitForExit() throws InterruptedException {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
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
