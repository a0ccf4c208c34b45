package chatlab.workload;

/**
 * One kind of fault a scenario's nemesis can inflict: a Toxiproxy toxic or a partition on some
 * groups' proxies, or a crash or pause of the server. Parsed by name through {@link Faults};
 * played by the simulator's nemesis, which switches over this family exhaustively.
 */
public sealed interface Fault permits NetworkFault, Partition, ServerCrash, ServerPause {
    /** The name a scenario gives it: {@code latency}, {@code partition}, {@code kill}, ... */
    String kind();

    /** Whether it strikes the server itself rather than some groups' network. */
    default boolean onServer() {
        return false;
    }

    /** A few words for the report: "latency 300ms", "kill -9 and restart". */
    String describe();
}
