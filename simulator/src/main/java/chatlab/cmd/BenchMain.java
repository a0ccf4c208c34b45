package chatlab.cmd;

import chatlab.bench.BenchSummary;
import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.lab.RunIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab bench}: runs the JMH benchmarks and keeps their results under reports/bench/. */
@Command(name = "lab bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs chatlab's JMH benchmarks and writes the results to reports/bench/<run-id>/.",
        footer = {"", "Examples:",
                "  ./lab bench                         every benchmark, default settings",
                "  ./lab bench FrameCodec --forks 2    one benchmark class, two forks",
                "  ./lab bench --quick                 a fast smoke run (numbers are rough)"})
public final class BenchMain implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "Regular expression selecting benchmarks (default: all).")
    private String pattern = ".*";

    @Option(names = "--forks", defaultValue = "1", description = "JVM forks per benchmark (default: ${DEFAULT-VALUE}).")
    private int forks;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up iterations (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--seconds", defaultValue = "2", description = "Seconds per iteration (default: ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--quick", description = "One short warm-up and measurement: a smoke run.")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write results (default: reports/bench/<run-id>).")
    private Path out;

    public static void main(String[] args) {
        Commands.main(new BenchMain(), args);
    }

    @Override
    public Integer call() throws IOException, RunnerException {
        Path dir = RunIds.outputFolder(out, "bench");
        Path json = dir.resolve("jmh.json");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(pattern)
                .forks(quick ? 1 : forks)
                .warmupIterations(quick ? 1 : warmup)
                .measurementIterations(quick ? 2 : iterations)
                .warmupTime(TimeValue.seconds(quick ? 1 : seconds))
                .measurementTime(TimeValue.seconds(quick ? 1 : seconds))
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        Collection<RunResult> results = new Runner(options.build()).run();
        if (results.isEmpty()) {
            System.err.println("error: no benchmark matches '" + pattern + "'");
            return 2;
        }
        Files.writeString(dir.resolve("summary.md"), BenchSummary.markdown(results, commandLine()));
        System.out.println();
        System.out.println("Results: " + json.toAbsolutePath().normalize());
        System.out.println("Summary: " + dir.resolve("summary.md").toAbsolutePath().normalize());
        return 0;
    }

    private String commandLine() {
        StringBuilder text = new StringBuilder("./lab bench");
        if (!".*".equals(pattern)) {
            text.append(' ').append(pattern);
        }
        if (quick) {
            return text.append(" --quick").toString();
        }
        return text.append(" --forks ").append(forks).append(" --warmup ").append(warmup)
                .append(" --iterations ").append(iterations).append(" --seconds ").append(seconds).toString();
    }
}
