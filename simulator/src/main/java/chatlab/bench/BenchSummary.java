package chatlab.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** A Markdown table of JMH results, with the command and machine that produced them. */
public final class BenchSummary {
    private BenchSummary() {
    }

    public static String markdown(Collection<RunResult> results, String command) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(Runtime.version()).append("\n\n");
        md.append("| benchmark | params | score | error (99.9%) | unit |\n|---|---|---:|---:|---|\n");
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            for (String key : run.getParams().getParamsKeys()) {
                params.append(key).append('=').append(run.getParams().getParam(key)).append(' ');
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | ± %,.0f | %s |%n", name, params.toString().strip(),
                    primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        return md.toString();
    }
}
