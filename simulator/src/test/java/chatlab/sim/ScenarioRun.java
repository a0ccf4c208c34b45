package chatlab.sim;

import chatlab.cmd.SimulateMain;
import chatlab.run.SimRun;

import chatlab.lab.Json;
import chatlab.metrics.Results;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * A scenario, given as text, run through {@code ./lab simulate}'s own command into {@code dir/run}:
 * its exit code, folder, results and what it printed (which still reaches the test's output).
 */
record ScenarioRun(int exit, Path out, Results results, String console) {
    static ScenarioRun of(Path dir, String yaml, String... args) throws IOException {
        Path scenario = Files.writeString(dir.resolve("scenario.yaml"), yaml);
        Path out = dir.resolve("run");
        List<String> command = new ArrayList<>(List.of(scenario.toString(), "--out", out.toString()));
        command.addAll(List.of(args));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream before = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(new Tee(before, said), true, StandardCharsets.UTF_8));
            CommandLine simulate = new CommandLine(new SimulateMain());
            // what went wrong (a stack trace included) goes to its error stream: kept, so a failed run says why
            simulate.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(new Tee(System.err, said),
                    StandardCharsets.UTF_8), true));
            exit = simulate.execute(command.toArray(String[]::new));
        } finally {
            System.setOut(before);
        }
        Path results = out.resolve(SimRun.RESULTS);
        return new ScenarioRun(exit, out, Files.exists(results) ? Json.read(results, Results.class) : null,
                said.toString(StandardCharsets.UTF_8));
    }

    /** Its results; a run that wrote none fails the test with its exit code and all it printed. */
    @Override
    public Results results() {
        if (results == null) {
            throw new AssertionError("the run wrote no " + SimRun.RESULTS + " (exit " + exit + "); it printed:\n" + console);
        }
        return results;
    }

    /** Writes to two streams at once. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
