package chatlab.cmd;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.fuzz.FuzzReport;
import chatlab.fuzz.FuzzResult;
import chatlab.fuzz.FuzzRun;
import chatlab.fuzz.FuzzTarget;
import chatlab.lab.Machine;
import chatlab.lab.Progress;
import chatlab.lab.RunIds;
import chatlab.lab.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab fuzz}: coverage-guided fuzzing of every decoder of untrusted bytes, with a report. */
@Command(name = "lab fuzz", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fuzzes the decoders of untrusted bytes with Jazzer: each target in a JVM of its own, "
                + "starting from its committed inputs. A failing input is added to those inputs, so that every "
                + "test run replays it from then on. Writes a report to reports/fuzz/<run-id>/."},
        footer = {"", "Targets:",
                "  frames           the frame reader and the message codec, as server and client",
                "  datagrams        the file-transfer datagram codec, on raw bytes",
                "  datagram-bodies  the datagram codec, on bodies sealed with the transfer's key",
                "  beacons          the BlueTrace beacon parser",
                "  scenarios        the scenario-file loader (YAML and JSON)",
                "", "Examples:",
                "  ./lab fuzz                                  every target for 1 minute each",
                "  ./lab fuzz frames --duration 10m            one target, longer",
                "  ./lab fuzz --runs 10000000 --duration 0 --jobs 2 --out reports/reference/fuzz",
                "                                              the long run: 10 million executions each",
                "", "Exit codes: 0 nothing failed, 1 a target failed (its input is kept), 2 invalid arguments."})
public final class FuzzMain implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "Targets to fuzz (default: all).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "1m",
            description = "Time per target, e.g. 30s or 2h; 0 for no limit (default: ${DEFAULT-VALUE}).")
    private String duration;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "0",
            description = "Executions per target; 0 for no limit (default: ${DEFAULT-VALUE}).")
    private long runs;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Targets fuzzed at once, one core each (default: ${DEFAULT-VALUE}).")
    private int jobs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "The run's seed; each target's libFuzzer seed derives from it (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--fresh", description = "Start from the committed inputs only, forgetting the corpus earlier runs on this machine grew.")
    private boolean fresh;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: reports/fuzz/<run-id>).")
    private Path out;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".", hidden = true,
            description = "The project's folder (./lab sets it).")
    private Path root;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new FuzzMain(), args);
    }

    @Override
    public Integer call() throws Exception {
        List<FuzzTarget> targets = new ArrayList<>();
        Duration limit;
        try {
            for (String name : names.isEmpty() ? FuzzTarget.ALL.stream().map(FuzzTarget::name).toList() : names) {
                targets.add(FuzzTarget.named(name).orElseThrow(() -> new IllegalArgumentException("no target '" + name
                        + "'; the targets are " + String.join(", ", FuzzTarget.ALL.stream().map(FuzzTarget::name).toList()))));
            }
            limit = chatlab.p2p.impair.Units.duration(duration);
            if (runs < 0 || jobs < 1) {
                throw new IllegalArgumentException("--runs must be 0 or more and --jobs at least 1");
            }
            if (runs == 0 && limit.isZero()) {
                throw new IllegalArgumentException("give a limit: --runs, --duration or both");
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Path dir = RunIds.outputFolder(out, "fuzz").toAbsolutePath();
        Path projectRoot = root.toAbsolutePath().normalize();
        List<FuzzRun> fuzzRuns = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            FuzzTarget target = targets.get(i);
            if (fresh) {
                deleteTree(target.corpus(projectRoot));
            }
            // libFuzzer takes an unsigned 32-bit seed, 0 meaning "pick one": never 0
            long targetSeed = (Seeds.derive(seed, target.name().hashCode()) & 0x7fff_ffffL) | 1;
            fuzzRuns.add(new FuzzRun(target, projectRoot, dir, targetSeed, runs, limit));
        }
        System.out.printf("Fuzzing %d target%s, %s each, %d at a time; logs and report in %s%n", targets.size(),
                targets.size() == 1 ? "" : "s", bound(limit), jobs, dir);
        List<FuzzResult> results = run(fuzzRuns, limit);
        FuzzReport report = new FuzzReport(results, Machine.current(), commandLine(), seed, fresh);
        Files.writeString(dir.resolve("summary.md"), report.markdown());
        chatlab.lab.Json.write(dir.resolve("summary.json"), report);
        System.out.println();
        System.out.print(report.table());
        System.out.println("Report: " + dir.resolve("summary.md"));
        return results.stream().allMatch(FuzzResult::clean) ? 0 : 1;
    }

    private List<FuzzResult> run(List<FuzzRun> fuzzRuns, Duration limit) throws Exception {
        // progress in executions when they bound the run, otherwise in seconds
        boolean byRuns = runs > 0;
        long total = byRuns ? runs * fuzzRuns.size() : limit.toSeconds() * fuzzRuns.size();
        long start = System.nanoTime();
        List<Future<FuzzResult>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try (Progress progress = new Progress("fuzz", total)) {
            for (FuzzRun fuzzRun : fuzzRuns) {
                futures.add(pool.submit(fuzzRun::call));
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
                long done = byRuns ? fuzzRuns.stream().mapToLong(FuzzRun::executions).sum()
                        : Math.min(total, (System.nanoTime() - start) / 1_000_000_000L * Math.min(jobs, fuzzRuns.size()));
                progress.stepTo(done, String.format("%,d executions", fuzzRuns.stream()
                        .mapToLong(FuzzRun::executions).sum()));
            }
            progress.stepTo(total, "done");
        } finally {
            pool.shutdownNow();
        }
        List<FuzzResult> results = new ArrayList<>();
        for (Future<FuzzResult> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static String bound(Duration limit) {
        return limit.isZero() ? "no time limit" : "up to " + chatlab.p2p.impair.Units.format(limit);
    }

    private String commandLine() {
        return "./lab fuzz " + String.join(" ", spec.commandLine().getParseResult().originalArgs().stream()
                .filter(a -> !a.startsWith("--root")).toList());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
