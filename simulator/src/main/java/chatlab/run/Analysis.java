package chatlab.run;

import chatlab.checker.CheckContext;
import chatlab.checker.Checker;
import chatlab.checker.DeliveryChecker;
import chatlab.checker.FileChecker;
import chatlab.checker.TracingChecker;
import chatlab.checker.LockoutChecker;
import chatlab.checker.Validity;
import chatlab.checker.Verdict;
import chatlab.history.Event;
import chatlab.history.HistoryReader;
import chatlab.lab.Json;
import chatlab.metrics.LatencySummary;
import chatlab.metrics.Measurements;
import chatlab.metrics.Results;
import chatlab.workload.Accounts;
import chatlab.workload.Behaviour;
import chatlab.workload.Scenario;
import chatlab.workload.ScenarioLoader;
import chatlab.workload.Threshold;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's files into its findings: the checkers' verdicts on the history, the
 * measurements (with one HdrHistogram interval log per latency and the second-by-second
 * series), and the thresholds. Reads only what the run wrote, so any run can be analysed again.
 */
public final class Analysis {
    private Analysis() {
    }

    /** The scenario a run ran, rebuilt from its own text and overrides. */
    public static Scenario scenario(SimRun run) {
        return ScenarioLoader.parse(run.scenarioText(), run.scenarioJson(), run.overrides());
    }

    /** Analyses the run in {@code dir}, writing histograms/, series.json and results.json there. */
    public static Results analyse(Path dir) throws IOException {
        SimRun run = Json.read(dir.resolve(SimRun.FILE), SimRun.class);
        Scenario scenario = scenario(run);
        List<Event> history = HistoryReader.readAll(dir.resolve(SimRun.HISTORY));
        Results results = analyse(run, scenario, history, dir);
        Json.write(dir.resolve(SimRun.RESULTS), results);
        return results;
    }

    static Results analyse(SimRun run, Scenario scenario, List<Event> history, Path dir) throws IOException {
        Accounts accounts = new Accounts(scenario, run.tag());
        CheckContext context = new CheckContext(accounts.chatUsers(), accounts.chatGroups(), scenario.server().maxAttempts(),
                scenario.server().blockDuration(), run.promise());
        List<Verdict> verdicts = new ArrayList<>();
        for (Checker checker : checkers(scenario)) {
            verdicts.add(check(checker, history, context));
        }
        Measurements m = Measurements.of(history, run.loadStart(),
                Math.min(run.loadStart() + scenario.warmUp().toNanos() / 1000, run.loadEnd() - 1), run.loadEnd(), run.end(),
                ExpectedFailures::expected);
        m.writeLogs(dir.resolve(SimRun.HISTOGRAMS), (run.originEpochMicros() + run.loadStart()) / 1000);
        Json.write(dir.resolve(SimRun.SERIES), m.series());
        Map<String, LatencySummary> latency = m.summaries();
        List<Results.ThresholdResult> thresholds = new ArrayList<>();
        for (Threshold t : scenario.thresholds()) {
            double actual = switch (t.metric()) {
                case "errors" -> t.stat().equals("rate") ? m.errors().rate() : m.errors().unexpected();
                case "throughput" -> t.stat().equals("ops") ? m.throughput().opsPerSecond()
                        : m.throughput().deliveriesPerSecond();
                default -> latency.get(t.metric()).stat(t.stat());
            };
            thresholds.add(new Results.ThresholdResult(t.text(), actual, t.passes(actual)));
        }
        return new Results(verdicts, latency, m.throughput(), m.errors(), thresholds);
    }

    /** One checker's verdict; a checker that throws could not decide, and says why. */
    static Verdict check(Checker checker, List<Event> history, CheckContext context) {
        try {
            return checker.check(history, context);
        } catch (RuntimeException e) {
            List<String> evidence = new ArrayList<>();
            evidence.add(e.toString());
            for (StackTraceElement frame : e.getStackTrace()) {
                if (evidence.size() > 5) {
                    break;
                }
                evidence.add("at " + frame);
            }
            return new Verdict(checker.name(), Validity.UNKNOWN, "the checker failed, so it could not decide: " + e,
                    Map.of(), evidence);
        }
    }

    /** The checkers that apply: delivery if anyone chats, lockout if anyone attacks, files, tracing and direct messages if anyone sends them. */
    static List<Checker> checkers(Scenario scenario) {
        List<Checker> checkers = new ArrayList<>();
        if (has(scenario, Behaviour::chat)) {
            checkers.add(new DeliveryChecker());
        }
        if (scenario.groups().stream().anyMatch(g -> !g.chats())) {
            checkers.add(new LockoutChecker());
        }
        if (has(scenario, b -> b == Behaviour.SEND_FILE)) {
            checkers.add(new FileChecker());
        }
        if (has(scenario, b -> b == Behaviour.BEACON || b == Behaviour.UPLOAD)) {
            checkers.add(new TracingChecker());
        }
        if (has(scenario, b -> b == Behaviour.DM)) {
            checkers.add(new chatlab.checker.DirectChecker());
        }
        return checkers;
    }

    private static boolean has(Scenario scenario, java.util.function.Predicate<Behaviour> kind) {
        return scenario.groups().stream().anyMatch(g -> g.mix().has(kind));
    }
}
