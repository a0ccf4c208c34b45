package chatlab.workload;

/** The proxies of some groups are taken down: their connections drop and new ones are refused. */
public record Partition() implements Fault {
    public static final String KIND = "partition";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String describe() {
        return "partition";
    }
}
