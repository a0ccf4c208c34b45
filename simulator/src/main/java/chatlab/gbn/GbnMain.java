package chatlab.gbn;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.lab.Machine;
import chatlab.lab.Progress;
import chatlab.lab.RunIds;
import chatlab.lab.Seeds;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.impair.Units;
import chatlab.p2p.wire.DatagramCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lab gbn}: the Go-Back-N throughput lab. */
@Command(name = "lab gbn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Sweeps Go-Back-N (and Selective Repeat, Stop-and-Wait) over window sizes, loss rates and delays on",
                "a modelled link over real UDP, measures goodput, and draws it against the analytic models.",
                "Writes reports/gbn/<run-id>/: run.json, results.json/csv, charts (PNG, SVG), index.html, summary.md."},
        footer = {"", "Examples:",
                "  ./lab gbn                                     the default sweep (about 3 minutes on 2 cores)",
                "  ./lab gbn --quick                             a small sweep, for a first look",
                "  ./lab gbn --windows 1,8,64 --losses 0,0.2 --delays 5ms --strategies gbn,sr",
                "  ./lab gbn --timeout 50ms --repeats 5 --seed 7",
                "  ./lab gbn --replicate csc573                  the CSC573 experiment, replayed (docs/GBN-MODEL.md)",
                "", "Exit codes: 0 done, 1 the sweep failed, 2 invalid arguments."})
public final class GbnMain implements Callable<Integer> {
    @Option(names = "--windows", split = ",", paramLabel = "N,...", description = "Window sizes; Stop-and-Wait is N = 1 (default: 2,4,8,16,32,64).")
    private List<Integer> windows = List.of(2, 4, 8, 16, 32, 64);

    @Option(names = "--losses", split = ",", paramLabel = "P,...", description = "Loss rates of the sender's datagrams, 0 to <1 (default: 0,0.01,0.05,0.1).")
    private List<Double> losses = List.of(0.0, 0.01, 0.05, 0.1);

    @Option(names = "--delays", split = ",", paramLabel = "D,...", description = "One-way delays (default: 1ms,10ms).")
    private List<String> delays = List.of("1ms", "10ms");

    @Option(names = "--strategies", split = ",", paramLabel = "S,...", description = "gbn, sr, saw (default: gbn,sr,saw).")
    private List<String> strategies = List.of("gbn", "sr", "saw");

    @Option(names = "--file-size", paramLabel = "SIZE", defaultValue = "64kb", description = "File sent at each point (default: ${DEFAULT-VALUE}).")
    private String fileSize;

    @Option(names = "--chunk", paramLabel = "BYTES", defaultValue = "1024", description = "File bytes per datagram (default: ${DEFAULT-VALUE}).")
    private int chunk;

    @Option(names = "--rate", paramLabel = "RATE", defaultValue = "8mbit", description = "The modelled link's rate (default: ${DEFAULT-VALUE}).")
    private String rate;

    @Option(names = "--repeats", defaultValue = "4", description = "Runs per point, each with its own seed (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--seed", defaultValue = "1", description = "The sweep's seed; every transfer's seed derives from it (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "A fixed retransmission timeout (default: adaptive, RFC 6298).")
    private String timeout;

    @Option(names = "--clean-windows", paramLabel = "N,...|none", description = "Windows for the clean loopback runs; none (or empty) skips them (default: 16,64,256,1024).")
    private String cleanWindows = "16,64,256,1024";

    @Option(names = "--clean-file-size", paramLabel = "SIZE", defaultValue = "16mb", description = "File for the clean runs and the raw blast (default: ${DEFAULT-VALUE}).")
    private String cleanFileSize;

    @Option(names = "--quick", description = "A small sweep: N 4,16 (and 1, Stop-and-Wait); loss 0,0.05; delay 2ms; 2 repeats; small files.")
    private boolean quick;

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
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Path dir = RunIds.outputFolder(out, "gbn");
        String started = Instant.now().toString();
        GbnRun run = sweep(config, dir, started);
        run.write(dir);
        GbnReport.Headline headline = GbnReport.build(dir);
        System.out.println();
        System.out.println(GbnSummary.cleanGoal(headline) + (headline.cleanGoalMet() ? " (met)" : " (not met)"));
        System.out.println(GbnSummary.bandGoal(headline) + (headline.bandGoalMet() ? " (met)" : " (not met)"));
        System.out.println("Report: " + dir.resolve("index.html").toAbsolutePath().normalize());
        System.out.println("Summary: " + dir.resolve("summary.md").toAbsolutePath().normalize());
        long failed = run.measurements().stream().filter(m -> !m.ok()).count();
        if (failed > 0) {
            System.err.println(failed + " transfers failed; see results.csv");
            return 1;
        }
        return 0;
    }

    SweepConfig config() {
        if (quick) {
            return new SweepConfig(List.of(4, 16), List.of(0.0, 0.05), List.of(2.0),
                    List.of(Strategy.GO_BACK_N, Strategy.SELECTIVE_REPEAT, Strategy.STOP_AND_WAIT), 32 * 1024, chunk,
                    Units.bitsPerSecond(rate, "rate"), 2, seed, timeoutMs(), List.of(64), 2 << 20);
        }
        return new SweepConfig(windows, losses, delays.stream().map(d -> Units.duration(d).toNanos() / 1e6).toList(),
                strategies.stream().map(Strategy::parse).toList(), Units.bytes(fileSize, "file-size"), chunk,
                Units.bitsPerSecond(rate, "rate"), repeats, seed, timeoutMs(), cleanWindows(),
                Units.bytes(cleanFileSize, "clean-file-size"));
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

    private GbnRun sweep(SweepConfig config, Path dir, String started) throws IOException {
        Path scratch = Files.createTempDirectory("chatlab-gbn");
        byte[] file = bytes(config.fileBytes(), config.seed());
        String sha = sha256(file);
        List<Measurement> measurements = new ArrayList<>();
        List<Blast> blasts = new ArrayList<>();
        List<SweepPoint> impaired = config.impairedPoints();
        try (Progress progress = new Progress("Go-Back-N sweep", config.steps())) {
            progress.message("warming up");
            warmUp(config, scratch);
            for (int i = 0; i < impaired.size(); i++) {
                for (int r = 1; r <= config.repeats(); r++) {
                    SweepPoint point = impaired.get(i);
                    progress.message(point.label() + " #" + r);
                    measurements.add(TransferRun.run(point, r, config.seed(point, r), config, file, sha, scratch));
                    progress.step(point.label() + " #" + r);
                }
            }
            if (!config.cleanWindows().isEmpty()) {
                byte[] big = bytes(config.cleanFileBytes(), config.seed() + 1);
                String bigSha = sha256(big);
                long datagrams = (config.cleanFileBytes() + config.chunkBytes() - 1) / config.chunkBytes();
                for (int r = 1; r <= config.repeats(); r++) {
                    progress.message("raw UDP blast #" + r);
                    blasts.add(RawBlast.run(r, config.chunkBytes() + DatagramCodec.OVERHEAD, config.chunkBytes(), datagrams));
                    progress.step("raw UDP blast #" + r);
                }
                List<SweepPoint> clean = config.cleanPoints();
                for (int i = 0; i < clean.size(); i++) {
                    for (int r = 1; r <= config.repeats(); r++) {
                        SweepPoint point = clean.get(i);
                        progress.message(point.label() + " #" + r);
                        measurements.add(TransferRun.run(point, r, Seeds.derive(config.seed(), 10_000 + i, r), config,
                                big, bigSha, scratch));
                        progress.step(point.label() + " #" + r);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
        String runId = out == null ? dir.getFileName().toString() : RunIds.newId();
        return new GbnRun(runId, "./lab gbn " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), started,
                Instant.now().toString(), Machine.current(), config, measurements, blasts);
    }

    /**
     * Runs a few transfers that are not recorded, so that the measured ones run compiled code,
     * not the interpreter: the first points would otherwise be measured slow.
     */
    private static void warmUp(SweepConfig config, Path scratch) throws IOException {
        byte[] file = bytes(1 << 20, 0);
        String sha = sha256(file);
        for (Strategy strategy : List.of(Strategy.GO_BACK_N, Strategy.SELECTIVE_REPEAT)) {
            TransferRun.run(new SweepPoint(strategy, 64, 0, 0, true), 0, 0, config, file, sha, scratch);
            TransferRun.run(new SweepPoint(strategy, 16, 0.05, 1, false), 0, 0, config, file, sha, scratch);
        }
    }

    private static byte[] bytes(long size, long seed) {
        byte[] bytes = new byte[Math.toIntExact(size)];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
