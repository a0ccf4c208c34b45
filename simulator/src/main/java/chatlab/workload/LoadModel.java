package chatlab.workload;

/**
 * How load arrives. Closed: a fixed number of users, each acting, pausing and acting again, so
 * the load waits for the system. Open: new sessions arrive at a rate whatever the system does,
 * each logging in, acting a few times and leaving; latency is then measured from when each
 * action was due, so a slow system cannot hide its queueing (coordinated omission).
 */
public sealed interface LoadModel {
    record Closed() implements LoadModel {
    }

    /** {@code rate} sessions a second, each of {@code actions} actions. */
    record Open(double rate, int actions) implements LoadModel {
    }
}
