package chatlab.gbn;

import chatlab.lab.Machine;
import chatlab.lab.RunIds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code ./lab gbn --replicate csc573}: replays a seed system's experiment instead of a sweep.
 * It takes the options of {@code ./lab gbn} that make sense for the experiment (its link, file,
 * timer, repeats, seed and output folder) and refuses the others with exit code 2.
 */
public final class Replicate {
    /** Options of {@code ./lab gbn} that belong to the sweep alone. */
    static final List<String> SWEEP_ONLY = List.of("--windows", "--strategies", "--clean-windows", "--clean-file-size",
            "--quick");

    private Replicate() {
    }

    public static int call(String experiment, CommandLine line) throws IOException {
        PrintWriter err = line.getErr();
        ReplaySetup setup;
        try {
            setup = setup(experiment, line.getParseResult());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        CommandLine.ParseResult parsed = line.getParseResult();
        Path out = parsed.hasMatchedOption("--out") ? parsed.matchedOptionValue("--out", (Path) null) : null;
        Path dir = RunIds.outputFolder(out, "gbn");
        String started = Instant.now().toString();
        List<ReplayRow> rows = ReplayRunner.run(setup);
        String runId = out == null ? dir.getFileName().toString() : RunIds.newId();
        new ReplayRun(runId, "./lab gbn " + String.join(" ", parsed.originalArgs()), started, Instant.now().toString(),
                Machine.current(), setup, rows).write(dir);
        ReplayReport.Findings findings = ReplayReport.build(dir);
        System.out.println();
        System.out.println("Windows 10 and 20: " + findings.windows().sentence());
        System.out.println(String.format(Locale.ROOT, "%d receivers: ", setup.receivers()) + findings.fanOut().sentence());
        System.out.println("Assumed where the CSC573 report is silent: " + String.join("; ", setup.parameters().stream()
                .filter(p -> p.source().startsWith("assumed")).map(p -> p.name() + " " + p.value()).toList()) + ".");
        System.out.println("Report: " + dir.resolve("index.html").toAbsolutePath().normalize());
        System.out.println("Summary: " + dir.resolve("summary.md").toAbsolutePath().normalize());
        long failed = rows.stream().filter(r -> !r.ok()).count();
        if (failed > 0) {
            System.err.println(failed + " runs failed; see results.csv");
            return 1;
        }
        return 0;
    }

    /** The experiment's parameters from the command line; throws, saying why, when they do not fit. */
    static ReplaySetup setup(String experiment, CommandLine.ParseResult parsed) {
        if (!experiment.strip().equalsIgnoreCase(Csc573.NAME)) {
            throw new IllegalArgumentException("--replicate knows one experiment, " + Csc573.NAME + ", not '"
                    + experiment + "'");
        }
        for (String option : SWEEP_ONLY) {
            if (parsed.hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " belongs to the sweep, not to --replicate " + Csc573.NAME
                        + ", whose windows and receivers are the CSC573 report's; it takes "
                        + String.join(", ", Csc573.OPTIONS));
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String option : Csc573.OPTIONS) {
            if (parsed.hasMatchedOption(option)) {
                given.put(option, String.join(",", parsed.matchedOption(option).originalStringValues()));
            }
        }
        return Csc573.setup(given);
    }
}
