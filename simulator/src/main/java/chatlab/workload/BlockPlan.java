package chatlab.workload;

import chatlab.lab.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Who blocks whom before the load: chosen from the run's seed, so every shard and every rerun agrees. */
public final class BlockPlan {
    /** One user blocking another. */
    public record Pair(String blocker, String blocked) {
    }

    private BlockPlan() {
    }

    public static List<Pair> pairs(long seed, BlockSpec spec, List<String> users) {
        List<Pair> pairs = new ArrayList<>();
        if (spec.share() <= 0 || users.size() < 2) {
            return pairs;
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, -2));
        for (String blocker : users) {
            if (random.nextDouble() >= spec.share()) {
                continue;
            }
            Set<String> blocked = new LinkedHashSet<>();
            int each = Math.min(spec.each(), users.size() - 1);
            while (blocked.size() < each) {
                String other = users.get(random.nextInt(users.size()));
                if (!other.equals(blocker)) {
                    blocked.add(other);
                }
            }
            blocked.forEach(b -> pairs.add(new Pair(blocker, b)));
        }
        return pairs;
    }
}
