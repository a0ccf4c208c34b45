package chatlab.workload;

/** Who blocks whom before the load starts: a {@code share} of the chatting users each block {@code each} others. */
public record BlockSpec(double share, int each) {
    public static final BlockSpec NONE = new BlockSpec(0, 0);

    static BlockSpec parse(ConfigNode node) {
        if (!node.present()) {
            return NONE;
        }
        node.allowOnly("share", "each");
        return new BlockSpec(node.require("share").doubleValue(0, 1), node.get("each").intValue(1, 1_000, 1));
    }
}
