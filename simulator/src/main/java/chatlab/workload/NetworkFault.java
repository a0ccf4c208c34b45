package chatlab.workload;

import chatlab.net.toxic.Toxic;

/** A Toxiproxy toxic added to the proxies of some groups for the fault's duration. */
public record NetworkFault(Toxic toxic) implements Fault {
    @Override
    public String kind() {
        return toxic.kind();
    }

    @Override
    public String describe() {
        return toxic.describe();
    }
}
