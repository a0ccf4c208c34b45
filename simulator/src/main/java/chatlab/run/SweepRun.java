package chatlab.run;

import chatlab.lab.Machine;
import java.util.List;

/**
 * A sweep's {@code sweep.json}: the command, the field swept and its values, and the folder of
 * each step's run. Each step is a whole run of its own, with its own run.json and results.
 */
public record SweepRun(String sweepId, String command, String scenarioName, Machine machine, String started,
        String ended, String path, List<String> values, List<String> steps) {
    public static final String FILE = "sweep.json";

    public SweepRun {
        values = List.copyOf(values);
        steps = List.copyOf(steps);
    }
}
