package chatlab.sim;

/**
 * Which part of a run this process plays: shard {@code index} of {@code count} (from 1) takes
 * every count-th user, session and attacker, so that shards never share an account.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /** {@code 2/3}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--shard takes i/n, such as 1/2, not '" + text + "'");
    }

    /** Whether the {@code n}-th item of a group (user, session, attacker) is this shard's. */
    public boolean owns(long n) {
        return n % count == index - 1;
    }

    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
