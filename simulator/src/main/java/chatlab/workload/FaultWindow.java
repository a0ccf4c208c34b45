package chatlab.workload;

import java.time.Duration;

/** One fault in time: from {@code start} to {@code end} after the load began. */
public record FaultWindow(int id, FaultSpec fault, Duration start, Duration end) {
}
