package chatlab.cmd;

import chatlab.run.SimRun;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.lab.RunIds;
import chatlab.sim.Merge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./lab merge}: one run from its shards' runs, then checked and reported as a whole. */
@Command(name = "lab merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Merges the runs of a simulation's shards (each run with --shard i/n, on this machine or others)",
                "into one run: histories on their shared clock, then the checkers, measurements and report."},
        footer = {"", "Example:", "  ./lab merge shard-1 shard-2 shard-3 --out reports/sim/big-run",
                "", "Exit codes: 0 passed; 1 a checker found a violation or a threshold failed; 2 the folders are not one whole run;",
                "3 inconclusive: nothing failed but a checker could not decide."})
public final class MergeMain implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "The folder of each shard's run, every shard once.")
    private List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the merged run (default: reports/sim/<run-id>).")
    private Path out;

    @Option(names = "--server-stats", paramLabel = "FILE", description = "The server's --stats file, when the server ran elsewhere (as on Kubernetes).")
    private Path serverStats;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new MergeMain(), args);
    }

    @Override
    public Integer call() throws Exception {
        Path dir = RunIds.outputFolder(out, "sim");
        if (serverStats != null) {
            if (!Files.isRegularFile(serverStats)) {
                spec.commandLine().getErr().println("error: no server stats file " + serverStats);
                return 2;
            }
            Files.copy(serverStats, dir.resolve(SimRun.SERVER_STATS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        SimRun run;
        try {
            run = Merge.merge(shards, dir, dir.getFileName().toString(),
                    "./lab merge " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        System.out.println("Merged " + shards.size() + " shards into " + dir);
        return SimulateMain.report(System.out, run, dir);
    }
}
