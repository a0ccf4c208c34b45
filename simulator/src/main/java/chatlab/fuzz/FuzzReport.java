package chatlab.fuzz;

import chatlab.lab.Machine;
import java.util.List;
import java.util.Locale;

/** What a fuzzing run found, for people (summary.md, the console) and for programs (summary.json). */
public record FuzzReport(List<FuzzResult> results, Machine machine, String command, long seed, boolean fresh) {

    public boolean passed() {
        return results.stream().allMatch(FuzzResult::clean);
    }

    /** The results as a table of fixed-width columns, for the console. */
    public String table() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-16s %14s %8s %10s %9s %8s  %s%n",
                "target", "executions", "seconds", "exec/s", "coverage", "corpus", "result"));
        for (FuzzResult r : results) {
            text.append(String.format(Locale.ROOT, "%-16s %,14d %8d %,10d %9d %8d  %s%n", r.target(), r.runs(),
                    r.seconds(), r.execsPerSecond(), r.coverage(), r.corpus(), outcome(r)));
        }
        return text.toString();
    }

    private static String outcome(FuzzResult r) {
        return r.clean() ? "no failure" : "FAILED: " + r.finding()
                + (r.reproducer() == null ? "" : " (input kept as " + r.reproducer() + ")");
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Fuzzing\n\n");
        md.append(passed() ? "**No failure**: every input decoded to a message or to a documented error.\n\n"
                : "**A target failed.** Its input was added to the target's committed inputs, which every test run "
                        + "replays; fix the decoder, then run the target again.\n\n");
        md.append("| target | decodes | executions | seconds | exec/s | coverage (edges) | features | corpus | peak RSS | result |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (FuzzResult r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %d | %d | %d | %d MiB | %s |%n",
                    r.target(), r.decodes(), r.runs(), r.seconds(), r.execsPerSecond(), r.coverage(), r.features(),
                    r.corpus(), r.peakRssMiB(), outcome(r).replace("|", "\\|")));
        }
        md.append("\nWhat counts as a failure: any exception other than the decoder's documented refusal "
                + "(`DecodeException` with a protocol error code, `BadDatagramException`, `BeaconException`, "
                + "`ScenarioException`), a failed property (a message that does not encode back to itself, a frame "
                + "over the limit), a hang over libFuzzer's timeout, or running out of memory.\n\n");
        md.append("- Command: `").append(command).append("`\n");
        md.append("- Seed: ").append(seed).append(" (each target's libFuzzer seed: ");
        md.append(String.join(", ", results.stream().map(r -> r.target() + " " + r.seed()).toList())).append(")\n");
        md.append("- Started from: ").append(fresh ? "the committed inputs only" : "the committed inputs and the corpus "
                + "earlier runs on this machine grew").append('\n');
        md.append("- Machine: ").append(machine.describe()).append('\n');
        md.append("- Coverage feedback from: `").append(FuzzRun.INSTRUMENT).append("`\n");
        md.append("- Each target's libFuzzer output is in `<target>.log` beside this file.\n");
        return md.toString();
    }
}
