package chatlab.report;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.gbn.GbnReport;
import chatlab.lab.RunIds;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./lab report}: rebuilds a report from the files a run wrote. */
@Command(name = "lab report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Rebuilds a run's charts, index.html and summary.md from its raw files alone.",
        subcommands = {ReportMain.Gbn.class},
        footer = {"", "Examples:", "  ./lab report gbn 20261121-201500", "  ./lab report gbn reports/reference/gbn"})
public final class ReportMain implements Runnable {
    public static void main(String[] args) {
        Commands.main(new ReportMain(), args);
    }

    @Override
    public void run() {
        System.err.println("error: name the kind of run, e.g. './lab report gbn <run-id>'. See './lab report --help'.");
    }

    /** {@code ./lab report gbn <run-id>}. */
    @Command(name = "gbn", mixinStandardHelpOptions = true, description = "Rebuilds a Go-Back-N sweep's report.")
    static final class Gbn implements Callable<Integer> {
        @Parameters(paramLabel = "RUN", description = "A run id under reports/gbn, or a run's folder.")
        private String run;

        @Override
        public Integer call() throws Exception {
            Path dir;
            try {
                dir = RunIds.find(Path.of("reports", "gbn"), run);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            GbnReport.build(dir);
            System.out.println("Report: " + dir.resolve("index.html").toAbsolutePath().normalize());
            return 0;
        }
    }
}
