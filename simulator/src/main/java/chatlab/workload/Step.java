package chatlab.workload;

/** The next action of a user, after a pause of {@code thinkNanos}. */
public record Step(long thinkNanos, Action action) {
}
