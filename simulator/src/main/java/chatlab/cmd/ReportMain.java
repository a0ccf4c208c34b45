package chatlab.cmd;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.gbn.GbnReport;
import chatlab.gbn.ReplayReport;
import chatlab.gbn.ReplayRun;
import chatlab.lab.Json;
import chatlab.lab.RunIds;
import chatlab.metrics.Results;
import chatlab.report.CompareReport;
import chatlab.report.RelaysReport;
import chatlab.report.SimReport;
import chatlab.report.SweepReport;
import chatlab.run.Analysis;
import chatlab.run.SimRun;
import chatlab.run.SweepRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./lab report}: rebuilds a report from the files a run wrote. */
@Command(name = "lab report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Rebuilds a run's charts, index.html and summary.md from its raw files alone.",
        subcommands = {ReportMain.Sim.class, ReportMain.Gbn.class, ReportMain.Relays.class, ReportMain.Compare.class},
        footer = {"", "Examples:", "  ./lab report sim 20261121-201500", "  ./lab report gbn reports/reference/gbn",
                "  ./lab report relays reports/reference/relays", "  ./lab report compare reports/reference/compare/chat-core"})
public final class ReportMain implements Runnable {
    public static void main(String[] args) {
        Commands.main(new ReportMain(), args);
    }

    @Override
    public void run() {
        System.err.println("error: name the kind of run, e.g. './lab report sim <run-id>'. See './lab report --help'.");
    }

    /** A run of {@code kind} by id (under reports/kind) or folder; null, having said why, if there is none. */
    static Path find(String kind, String run) {
        try {
            return RunIds.find(Path.of("reports", kind), run);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return null;
        }
    }

    /** {@code ./lab report sim <run-id>}. */
    @Command(name = "sim", mixinStandardHelpOptions = true,
            description = {"Analyses a simulation again from its run.json and history (checkers, histograms, series) "
                    + "and rebuilds its report.", "Without a history, as in reports/reference/sim/, it rebuilds the page "
                    + "from results.json and series.json.", "Given a sweep's folder, it does this for every step and rebuilds the sweep's page."})
    static final class Sim implements Callable<Integer> {
        @Parameters(paramLabel = "RUN", description = "A run or sweep id under reports/sim, or its folder.")
        private String run;

        @Override
        public Integer call() throws Exception {
            Path dir = find("sim", run);
            if (dir == null) {
                return 2;
            }
            if (Files.exists(dir.resolve(SweepRun.FILE))) {
                SweepRun sweep = Json.read(dir.resolve(SweepRun.FILE), SweepRun.class);
                for (String step : sweep.steps()) {
                    if (rebuild(dir.resolve(step)) == null) {
                        return 2;
                    }
                }
                SweepReport.Findings findings = SweepReport.build(dir);
                SweepReport.print(System.out, findings, dir);
                return findings.exitCode();
            }
            Results results = rebuild(dir);
            if (results == null) {
                return 2;
            }
            System.out.println("Checkers: " + results.validity().wire() + "; " + results.outcome().word());
            System.out.println("Report: " + dir.resolve("index.html").toAbsolutePath().normalize());
            return results.outcome().exitCode();
        }

        /** Analyses one run again (or reads its results, without a history) and rebuilds its page; null after an error. */
        private static Results rebuild(Path dir) throws java.io.IOException {
            if (!Files.exists(dir.resolve(SimRun.FILE))) {
                System.err.println("error: " + dir + " holds no run.json: it is not a simulation run");
                return null;
            }
            boolean history = Files.exists(dir.resolve(SimRun.HISTORY));
            if (!history && !(Files.exists(dir.resolve(SimRun.RESULTS))
                    && Files.exists(dir.resolve(SimRun.SERIES)))) {
                System.err.println("error: " + dir + " holds neither " + SimRun.HISTORY + " nor "
                        + SimRun.RESULTS + " and " + SimRun.SERIES + ": nothing to report from");
                return null;
            }
            Results results;
            if (history) {
                results = Analysis.analyse(dir);
            } else {
                System.out.println("No " + SimRun.HISTORY + " in " + dir + ": rebuilding the page from "
                        + SimRun.RESULTS + " and " + SimRun.SERIES + " without checking again.");
                results = Json.read(dir.resolve(SimRun.RESULTS), Results.class);
            }
            SimReport.build(dir);
            return results;
        }
    }

    /** {@code ./lab report gbn <run-id>}. */
    @Command(name = "gbn", mixinStandardHelpOptions = true, description = "Rebuilds a Go-Back-N sweep's or replay's report.")
    static final class Gbn implements Callable<Integer> {
        @Parameters(paramLabel = "RUN", description = "A run id under reports/gbn, or a run's folder.")
        private String run;

        @Override
        public Integer call() throws Exception {
            Path dir = find("gbn", run);
            if (dir == null) {
                return 2;
            }
            if (ReplayRun.isReplay(dir)) {
                ReplayReport.build(dir);
            } else {
                GbnReport.build(dir);
            }
            System.out.println("Report: " + dir.resolve("index.html").toAbsolutePath().normalize());
            return 0;
        }
    }

    /** How a report of many runs is built from its folder: returns its page. */
    interface Builder {
        Path build(Path dir) throws java.io.IOException;
    }

    /**
     * Rebuilds the report of many runs {@code id} (under reports/kind, or a folder), which must
     * hold {@code file}; exit code 2, having said why, when there is none or it is not one.
     */
    static int rebuild(String kind, String id, String file, String what, Builder builder) throws java.io.IOException {
        Path dir = find(kind, id);
        if (dir == null) {
            return 2;
        }
        if (!Files.exists(dir.resolve(file))) {
            System.err.println("error: " + dir + " holds no " + file + ": it is not a " + what);
            return 2;
        }
        System.out.println("Report: " + builder.build(dir).toAbsolutePath().normalize());
        return 0;
    }

    /** {@code ./lab report relays <sweep-id>}. */
    @Command(name = "relays", mixinStandardHelpOptions = true, description = {"Rebuilds a relay sweep's page and charts "
            + "from each point's results.json and series.json.", "To check a point again, ./lab report sim <its folder>."})
    static final class Relays implements Callable<Integer> {
        @Parameters(paramLabel = "SWEEP", description = "A sweep id under reports/relays, or its folder.")
        private String sweep;

        @Override
        public Integer call() throws Exception {
            return rebuild("relays", sweep, RelaysReport.FILE, "relay sweep", RelaysReport::build);
        }
    }

    /** {@code ./lab report compare <comparison-id>}. */
    @Command(name = "compare", mixinStandardHelpOptions = true, description = {"Rebuilds a comparison's page and charts "
            + "from each server's run.json, results.json, series.json and histograms.", "To check a run again, "
            + "./lab report sim <its folder>."})
    static final class Compare implements Callable<Integer> {
        @Parameters(paramLabel = "COMPARISON", description = "A comparison id under reports/compare, or its folder.")
        private String comparison;

        @Override
        public Integer call() throws Exception {
            return rebuild("compare", comparison, CompareReport.FILE, "comparison", CompareReport::build);
        }
    }
}
