package chatlab.workload;

import java.time.Duration;
import java.util.List;

/** One fault in time: {@code fault} on {@code groups} (none for the server's faults), from {@code start} to {@code end} after the load began. */
public record FaultWindow(int id, Fault fault, List<String> groups, Duration start, Duration end) {
    public FaultWindow {
        groups = List.copyOf(groups);
    }

    /** "latency 300ms on office, commuters", "kill -9, then restart". */
    public String describe() {
        return fault.describe() + (groups.isEmpty() ? "" : " on " + String.join(", ", groups));
    }
}
