package chatlab.run;

import chatlab.lab.Machine;
import java.util.List;

/**
 * A run's {@code run.json}: what ran (the scenario's own text, overrides, seed and tag), where
 * and on what, and when, on the run's clock (microseconds since {@code originEpochMicros}): the
 * load from {@code loadStart} to {@code loadEnd}, the run's end at {@code end}; and what each
 * simulator process used; the driver that spoke to the server and the promise it made, by
 * which the run is judged (absent from runs made before drivers: chatlab's); the carrier threads
 * of the server the lab started (null: none started, or recorded before they were). With it and
 * the history, the report can be rebuilt.
 */
public record SimRun(String runId, String command, String version, Machine machine, String started, String ended,
        String scenarioName, String scenarioFile, String scenarioText, boolean scenarioJson, List<String> overrides,
        long seed, String tag, String shard, String target, boolean embeddedServer, String toxiproxy,
        long originEpochMicros, long loadStart, long loadEnd, long end, long events,
        List<SimulatorResources> simulators, String driver, chatlab.driver.Promise promise, Integer serverCarriers) {

    public static final String FILE = "run.json";
    public static final String HISTORY = "history.jsonl.gz";
    public static final String RESULTS = "results.json";
    public static final String SERIES = "series.json";
    public static final String SERVER_STATS = "server-stats.jsonl";
    /** A simulator process's own stats; a merged run keeps one per shard, {@code simulator-stats-<i>.jsonl}. */
    public static final String SIMULATOR_STATS = "simulator-stats.jsonl";
    public static final String HISTOGRAMS = "histograms";

    public SimRun {
        overrides = List.copyOf(overrides);
        simulators = simulators == null ? List.of() : List.copyOf(simulators);
        driver = driver == null ? "chatlab" : driver;
        promise = promise == null ? chatlab.driver.Promise.EXACTLY_ONCE_IN_ORDER : promise;
    }

    /** A run of chatlab's own server, through its own driver. */
    public SimRun(String runId, String command, String version, Machine machine, String started, String ended,
            String scenarioName, String scenarioFile, String scenarioText, boolean scenarioJson, List<String> overrides,
            long seed, String tag, String shard, String target, boolean embeddedServer, String toxiproxy,
            long originEpochMicros, long loadStart, long loadEnd, long end, long events,
            List<SimulatorResources> simulators) {
        this(runId, command, version, machine, started, ended, scenarioName, scenarioFile, scenarioText, scenarioJson,
                overrides, seed, tag, shard, target, embeddedServer, toxiproxy, originEpochMicros, loadStart, loadEnd, end,
                events, simulators, null, null, null);
    }
}
