package chatlab.workload;

import java.time.Duration;
import java.util.List;

/** One entry of a scenario's nemesis: a fixed schedule, or faults drawn from the seed. */
public sealed interface FaultPlan permits FaultSpec, RandomFaults {
    /** The windows this entry makes in a run of {@code length} with {@code seed}, numbered from {@code firstId}. */
    List<FaultWindow> windows(long seed, Duration length, int firstId);

    /** The groups whose proxies this entry may strike. */
    List<String> groups();

    /** Whether this entry may strike the server itself. */
    boolean onServer();
}
