package chatlab.workload;

import chatlab.lab.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What one simulated user will do, step after step: think times, behaviours and recipients,
 * all from the user's own stream, seeded from the run's seed, the group and the user. The same
 * seed gives the same plan, whatever the system under test does.
 */
public final class UserPlan {
    private final SplittableRandom random;
    private final GroupSpec group;
    private final String self;
    private final List<String> others;
    private final String victim;

    /**
     * The plan of {@code stream} (a closed user's index, or an open session's number) in
     * {@code group}, acting as {@code self} (null for attackers).
     */
    public UserPlan(long seed, int groupIndex, long stream, GroupSpec group, Accounts accounts, String self) {
        this.random = new SplittableRandom(Seeds.derive(seed, groupIndex, stream));
        this.group = group;
        this.self = self;
        this.others = accounts.chatUsers().stream().filter(u -> !u.equals(self)).toList();
        List<String> victims = accounts.victims(group.name());
        this.victim = victims.isEmpty() ? null : victims.get((int) (stream % victims.size()));
    }

    public Step next() {
        long think = group.think().sample(random);
        Behaviour b = group.mix().pick(random);
        Action action = switch (b) {
            case UNICAST -> new Action(b, pick(1), List.of(), null);
            case MULTICAST -> new Action(b, pick(2 + random.nextInt(3)), List.of(), null);
            case BLOCKCAST -> new Action(b, List.of(), pick(1 + random.nextInt(3)), null);
            case WRONG_PASSWORD, RIGHT_PASSWORD -> new Action(b, List.of(), List.of(), victim);
            default -> Action.of(b);
        };
        return new Step(think, action);
    }

    /** {@code n} distinct other chat users (fewer if there are not that many). */
    private List<String> pick(int n) {
        int count = Math.min(n, others.size());
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(others.get(random.nextInt(others.size())));
        }
        return new ArrayList<>(chosen);
    }

    /** The first {@code n} steps: for tests and for showing a plan. */
    public List<Step> first(int n) {
        List<Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(next());
        }
        return steps;
    }
}
