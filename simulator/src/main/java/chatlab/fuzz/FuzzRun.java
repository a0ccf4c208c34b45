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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes one target in a JVM of its own with Jazzer's command line (one fuzz test per JVM is
 * Jazzer's rule), reads libFuzzer's status lines as they come, and keeps the log without the
 * thousand lines of instrumentation notices.
 */
final class FuzzRun {
    /** Classes that get coverage feedback: ours, and Jackson, whose parser is the first thing frames meet. */
    static final String INSTRUMENT = "chatlab.**:com.fasterxml.jackson.**:org.yaml.snakeyaml.**";
    /** Jazzer's hooks into java.util.regex and ProcessBuilder cannot instrument newer JDKs' classes. */
    static final String DISABLED_HOOKS = "com.code_intelligence.jazzer.sanitizers.RegexRoadblocks:"
            + "com.code_intelligence.jazzer.sanitizers.OsCommandInjection";
    private static final Pattern STATUS = Pattern.compile(
            "^#(\\d+)\\s+\\S+\\s+cov: (\\d+) ft: (\\d+) corp: (\\d+)/.*");
    private static final Pattern DONE = Pattern.compile("^Done (\\d+) runs in (\\d+) second.*");
    private static final Pattern STAT = Pattern.compile("^stat::(\\w+):\\s+(\\d+)");
    private static final Pattern UNIT = Pattern.compile(".*Test unit written to (\\S+).*");

    private final FuzzTarget target;
    private final Path root;
    private final Path out;
    private final long seed;
    private final long runs;
    private final Duration duration;
    /** Executions so far, for the progress bar. */
    final AtomicLong executed = new AtomicLong();

    FuzzRun(FuzzTarget target, Path root, Path out, long seed, long runs, Duration duration) {
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
    FuzzResult call() throws IOException, InterruptedException {
        Files.createDirectories(target.corpus(root));
        Process process = new ProcessBuilder(command()).directory(out.toFile()).redirectErrorStream(true).start();
        long[] last = new long[4]; // runs, coverage, features, corpus
        long doneRuns = -1;
        long doneSeconds = 0;
        long execsPerSecond = 0;
        long rss = 0;
        String finding = null;
        Path unit = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter log = new PrintWriter(Files.newBufferedWriter(
                out.resolve(target.name() + ".log")))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("INFO: Instrumented ")) {
                    continue;
                }
                log.println(line);
                Matcher m;
                if ((m = STATUS.matcher(line)).matches()) {
                    for (int i = 0; i < 4; i++) {
                        last[i] = Long.parseLong(m.group(i + 1));
                    }
                    executed.set(last[0]);
                } else if ((m = DONE.matcher(line)).matches()) {
                    doneRuns = Long.parseLong(m.group(1));
                    doneSeconds = Long.parseLong(m.group(2));
                    executed.set(doneRuns);
                } else if ((m = STAT.matcher(line)).matches()) {
                    switch (m.group(1)) {
                        case "average_exec_per_sec" -> execsPerSecond = Long.parseLong(m.group(2));
                        case "peak_rss_mb" -> rss = Long.parseLong(m.group(2));
                        case "number_of_executed_units" -> doneRuns = Math.max(doneRuns, Long.parseLong(m.group(2)));
                        default -> { }
                    }
                } else if (line.startsWith("== Java Exception: ") && finding == null) {
                    finding = line.substring("== Java Exception: ".length()).strip();
                } else if (line.startsWith("==") && line.contains("ERROR: libFuzzer") && finding == null) {
                    finding = line.replaceFirst("^==\\d+==\\s*", "");
                } else if ((m = UNIT.matcher(line)).matches()) {
                    unit = Path.of(m.group(1));
                }
            }
        }
        int exit = process.waitFor();
        String reproducer = unit == null ? null : keep(unit);
        if (exit != 0 && finding == null) {
            finding = "Jazzer exited with code " + exit + " (see " + target.name() + ".log)";
        }
        return new FuzzResult(target.name(), target.decodes(), seed, Math.max(doneRuns, last[0]), doneSeconds,
                execsPerSecond, (int) last[1], (int) last[2], (int) last[3], rss, exit, finding, reproducer);
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
