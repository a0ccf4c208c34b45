package chatlab.cmd;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.gbn.GbnReport;
import chatlab.gbn.GbnRun;
import chatlab.gbn.GbnSummary;
import chatlab.gbn.GbnSweep;
import chatlab.gbn.GbnTraces;
import chatlab.gbn.Replicate;
import chatlab.gbn.SweepConfig;
import chatlab.gbn.SweepPoint;
import chatlab.lab.RunIds;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.impair.Units;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lab gbn}: the Go-Back-N throughput lab. */
@Command(name = "lab gbn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true, subcommands = chatlab.gbn.trace.TimelineCommand.class,
        description = {"Sweeps Go-Back-N (and Selective Repeat, Stop-and-Wait) over window sizes, loss rates and delays on",
                "a modelled link over real UDP, measures steady-state goodput, and sets it beside the predictive model",
                "(a closed form and an ideal-link twin, both from the configuration alone) and the textbook forms.",
                "Each point repeats until its 95%% confidence interval is within the precision asked, or the cap.",
                "Writes reports/gbn/<run-id>/: run.json, results.json/csv, charts (PNG, SVG), index.html, summary.md."},
        footer = {"", "Examples:",
                "  ./lab gbn                                     the default sweep (about 10 minutes on 2 cores)",
                "  ./lab gbn --quick                             a small sweep, for a first look",
                "  ./lab gbn --windows 1,8,64 --losses 0,0.2 --delays 5ms --strategies gbn,sr",
                "  ./lab gbn --timeout 50ms --repeats 5 --max-repeats 5 --seed 7",
                "  ./lab gbn --quick --trace                     also trace one transfer per strategy, with timelines",
                "  ./lab gbn --trace gbn:8:0.05:10ms,sr:8:0.05:10ms",
                "  ./lab gbn timeline TRACE.jsonl                draw any trace (see ./lab gbn timeline --help)",
                "  ./lab gbn --replicate csc573                  the CSC573 experiment, replayed (docs/GBN-MODEL.md)",
                "", "Exit codes: 0 done, 1 the sweep failed, 2 invalid arguments."})
public final class GbnMain implements Callable<Integer> {
    @Option(names = "--windows", split = ",", paramLabel = "N,...", description = "Window sizes; Stop-and-Wait is N = 1 (default: 2,4,8,16,32,64).")
    private List<Integer> windows = List.of(2, 4, 8, 16, 32, 64);

    @Option(names = "--losses", split = ",", paramLabel = "P,...", description = "Loss rates of the sender's datagrams, 0 to <1 (default: 0,0.01,0.05,0.1).")
    private List<Double> losses = List.of(0.0, 0.01, 0.05, 0.1);

    @Option(names = "--delays", split = ",", paramLabel = "D,...", description = "One-way delays (default: 5ms,10ms; at 2 ms and "
            + "below the endpoints' own time, 0.3 ms per round trip and timers that fire late under load, comes near a "
            + "tenth, see docs/GBN-MODEL.md).")
    private List<String> delays = List.of("5ms", "10ms");

    @Option(names = "--strategies", split = ",", paramLabel = "S,...", description = "gbn, sr, saw (default: gbn,sr,saw).")
    private List<String> strategies = List.of("gbn", "sr", "saw");

    @Option(names = "--file-size", paramLabel = "SIZE", description = "File sent at each point (default: sized per point, see --round-trips).")
    private String fileSize;

    @Option(names = "--round-trips", defaultValue = "200", description = "Size each point's file to last about this many "
            + "loss-free round trips, by the model, within 20 windows and 4 MiB (default: ${DEFAULT-VALUE}).")
    private int roundTrips;

    @Option(names = "--chunk", paramLabel = "BYTES", defaultValue = "1024", description = "File bytes per datagram (default: ${DEFAULT-VALUE}).")
    private int chunk;

    @Option(names = "--rate", paramLabel = "RATE", defaultValue = "8mbit", description = "The modelled link's rate (default: ${DEFAULT-VALUE}).")
    private String rate;

    @Option(names = "--repeats", defaultValue = "3", description = "Runs per point at least, each with its own seed (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--max-repeats", defaultValue = "32", description = "Runs per point at most; a point that stops here is "
            + "marked as capped (default: ${DEFAULT-VALUE}).")
    private int maxRepeats;

    @Option(names = "--precision", paramLabel = "SHARE", defaultValue = "0.05", description = "Repeat until the 95%% "
            + "confidence interval is within ± this share of the mean (default: ${DEFAULT-VALUE}).")
    private double precision;

    @Option(names = "--parallel", defaultValue = "16", description = "Impaired transfers run at once, across points, each on "
            + "its own link and sockets, at most 32; the clean runs always run alone (default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--seed", defaultValue = "1", description = "The sweep's seed; every transfer's seed derives from it (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "A fixed retransmission timeout (default: adaptive, RFC 6298).")
    private String timeout;

    @Option(names = "--clean-windows", paramLabel = "N,...|none", description = "Windows for the clean loopback runs; none (or empty) skips them (default: 16,64,256,1024).")
    private String cleanWindows = "16,64,256,1024";

    @Option(names = "--clean-file-size", paramLabel = "SIZE", defaultValue = "16mb", description = "File for the clean runs and the raw blast (default: ${DEFAULT-VALUE}).")
    private String cleanFileSize;

    @Option(names = "--quick", description = "A small sweep: N 4,16 (and 1, Stop-and-Wait); loss 0,0.05; delay 2ms; 2 to 3 repeats; 50 round trips.")
    private boolean quick;

    @Option(names = "--trace", arity = "0..1", fallbackValue = GbnTraces.DEFAULT, paramLabel = "POINT,...",
            description = "Also trace one transfer per POINT (" + GbnTraces.FORM + ") into traces/, with timelines in the report; alone, one per strategy at the sweep's window nearest 8, loss nearest 5%% and longest delay.")
    private String trace;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: reports/gbn/<run-id>).")
    private Path out;

    @Option(names = "--replicate", paramLabel = "EXPERIMENT", description = {"Instead of a sweep, replays a seed "
            + "system's experiment on the link model: csc573 (windows 10 and 20; 3 receivers at once and in turn).",
            "It takes --file-size, --chunk, --rate, --delays, --losses, --timeout (one value each), --repeats, --seed "
            + "and --out."})
    private String replicate;

    @CommandLine.Mixin
    private chatlab.cli.Verbosity verbosity;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new GbnMain(), args);
    }

    @Override
    public Integer call() throws IOException {
        verbosity.apply();
        if (replicate != null) {
            return Replicate.call(replicate, spec.commandLine());
        }
        SweepConfig config;
        List<SweepPoint> traced;
        try {
            config = config();
            traced = GbnTraces.points(trace, config);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Path dir = RunIds.outputFolder(out, "gbn");
        String started = Instant.now().toString();
        String runId = out == null ? dir.getFileName().toString() : RunIds.newId();
        GbnRun run = GbnSweep.run(config, runId,
                "./lab gbn " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), started);
        run.write(dir);
        GbnTraces.record(traced, config, dir);
        GbnReport.Headline headline = GbnReport.build(dir);
        System.out.println();
        System.out.println(GbnSummary.twinGoal(headline) + (headline.twin().met() ? " (met)" : " (not met)"));
        System.out.println(GbnSummary.closedFormGoal(headline) + (headline.closedForm().met() ? " (met)" : " (not met)"));
        System.out.println(GbnSummary.precisionGoal(run, headline) + (headline.capped().isEmpty() ? " (met)" : " (not met)"));
        System.out.println(GbnSummary.srGoal(headline) + (headline.srBehindGbn().isEmpty() ? " (met)" : " (not met)"));
        if (!config.cleanWindows().isEmpty()) {
            System.out.println(GbnSummary.cleanGoal(headline) + (headline.cleanGoalMet() ? " (met)" : " (not met)"));
        }
        System.out.println("Report: " + dir.resolve("index.html").toAbsolutePath().normalize());
        System.out.println("Summary: " + dir.resolve("summary.md").toAbsolutePath().normalize());
        long failed = run.measurements().stream().filter(m -> !m.ok()).count();
        if (failed > 0) {
            System.err.println(failed + " transfers failed; see results.csv");
            return 1;
        }
        return 0;
    }

    public SweepConfig config() {
        long file = fileSize == null ? 0 : Units.bytes(fileSize, "file-size");
        if (quick) {
            return new SweepConfig(List.of(4, 16), List.of(0.0, 0.05), List.of(5.0),
                    List.of(Strategy.GO_BACK_N, Strategy.SELECTIVE_REPEAT, Strategy.STOP_AND_WAIT), file, 50, chunk,
                    Units.bitsPerSecond(rate, "rate"), 2, 3, precision, parallel, seed, timeoutMs(), List.of(64), 2 << 20);
        }
        return new SweepConfig(windows, losses, delays.stream().map(d -> Units.duration(d).toNanos() / 1e6).toList(),
                strategies.stream().map(Strategy::parse).toList(), file, roundTrips, chunk,
                Units.bitsPerSecond(rate, "rate"), repeats, maxRepeats, precision, parallel, seed, timeoutMs(),
                cleanWindows(), Units.bytes(cleanFileSize, "clean-file-size"));
    }

    /** The clean runs' windows: none for "none" or nothing. */
    private List<Integer> cleanWindows() {
        String text = cleanWindows.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Integer> windows = new ArrayList<>();
        for (String word : text.split(",")) {
            try {
                windows.add(Integer.parseInt(word.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--clean-windows takes window sizes such as 16,64 or none, not '"
                        + word.strip() + "'");
            }
        }
        return windows;
    }

    private Double timeoutMs() {
        return timeout == null ? null : Units.duration(timeout).toNanos() / 1e6;
    }
}
