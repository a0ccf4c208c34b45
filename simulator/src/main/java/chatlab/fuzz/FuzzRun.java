package chatlab.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzzes one target in a JVM of its own with Jazzer's command line (one fuzz test per JVM is
 * Jazzer's rule), reads libFuzzer's status lines as they come, and keeps the log without the
 * thousand lines of instrumentation notices.
 */
public final class FuzzRun {
    /** Classes that get coverage feedback: ours, and Jackson, whose parser is the first thing frames meet. */
    static final String INSTRUMENT = "chatlab.**:com.fasterxml.jackson.**:org.yaml.snakeyaml.**";
    /** Jazzer's hooks into java.util.regex and ProcessBuilder cannot instrument newer JDKs' classes. */
    static final String DISABLED_HOOKS = "com.code_intelligence.jazzer.sanitizers.RegexRoadblocks:"
            + "com.code_intelligence.jazzer.sanitizers.OsCommandInjection";

    private final FuzzTarget target;
    private final Path root;
    private final Path out;
    private final long seed;
    private final long runs;
    private final Duration duration;
    /** What libFuzzer said so far; its executions feed the progress bar. */
    public final LibFuzzerOutput output = new LibFuzzerOutput();

    public FuzzRun(FuzzTarget target, Path root, Path out, long seed, long runs, Duration duration) {
        this.target = target;
        this.root = root;
        this.out = out;
        this.seed = seed;
        this.runs = runs;
        this.duration = duration;
    }

    FuzzTarget target() {
        return target;
    }

    List<String> command() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:+EnableDynamicAgentLoading",
                "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp", target.classPath(root),
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target.testClass(), "--target_method=" + target.method(),
                "--instrumentation_includes=" + INSTRUMENT, "--custom_hook_includes=" + INSTRUMENT,
                "--disabled_hooks=" + DISABLED_HOOKS,
                "-seed=" + seed, "-max_total_time=" + duration.toSeconds(), "-runs=" + (runs > 0 ? runs : -1),
                "-print_final_stats=1", "-artifact_prefix=" + out.resolve(target.name()) + "-"));
        command.add(target.corpus(root).toString());
        if (Files.isDirectory(target.inputs(root))) {
            command.add(target.inputs(root).toString());
        }
        return command;
    }

    /** Fuzzes until the runs or the time are used up, or something fails; then says how it went. */
    /** The executions libFuzzer has reported so far. */
    public long executions() {
        return output.runs;
    }

    public FuzzResult call() throws IOException, InterruptedException {
        Files.createDirectories(target.corpus(root));
        Process process = new ProcessBuilder(command()).directory(out.toFile()).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter log = new PrintWriter(Files.newBufferedWriter(
                out.resolve(target.name() + ".log")))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (output.accept(line)) {
                    log.println(line);
                }
            }
        } finally {
            process.destroy();
        }
        int exit = process.waitFor();
        String reproducer = output.unit == null ? null : keep(Path.of(output.unit));
        String finding = output.finding;
        if (exit != 0 && finding == null) {
            finding = "Jazzer exited with code " + exit + " (see " + target.name() + ".log)";
        }
        return new FuzzResult(target.name(), target.decodes(), seed, output.runs, output.elapsedSeconds(),
                output.execsPerSecond, output.coverage, output.features, output.corpus, output.peakRssMiB, exit,
                finding, reproducer);
    }

    /** Copies a failing input into the target's committed inputs, so every test run replays it from now on. */
    private String keep(Path unit) throws IOException {
        Path file = unit.isAbsolute() ? unit : out.resolve(unit);
        if (!Files.isRegularFile(file)) {
            return unit.toString();
        }
        Path inputs = Files.createDirectories(target.inputs(root));
        Path kept = inputs.resolve(file.getFileName().toString().replaceFirst("^" + Pattern.quote(target.name()) + "-", ""));
        Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
        return root.relativize(kept).toString();
    }
}
