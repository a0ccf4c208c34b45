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
    /** The statuses a simulated user moves between; never offline, which would hide it from who. */
    private static final List<chatlab.protocol.UserStatus> STATUSES = List.of(chatlab.protocol.UserStatus.ONLINE,
            chatlab.protocol.UserStatus.AWAY, chatlab.protocol.UserStatus.IDLE, chatlab.protocol.UserStatus.DND);
    private final SplittableRandom random;
    private final GroupSpec groupSpec;
    private final String self;
    /** Every chatting account, shared by all plans; {@code self} is skipped by index. */
    private final List<String> users;
    private final int selfIndex;
    /** The user's own group, for peers: beacons and files stay within a group. */
    private final List<String> group;
    private final int selfInGroup;
    private final String victim;

    /**
     * The plan of {@code stream} (a closed user's index, or an open session's number) in
     * {@code group}, acting as {@code self} (null for attackers).
     */
    public UserPlan(long seed, int groupIndex, long stream, GroupSpec group, Accounts accounts, String self) {
        this.random = new SplittableRandom(Seeds.derive(seed, groupIndex, stream));
        this.groupSpec = group;
        this.self = self;
        this.users = accounts.chatUsers();
        this.selfIndex = self == null ? -1 : accounts.chatIndex(self);
        this.group = accounts.users(group.name());
        this.selfInGroup = self == null ? -1 : accounts.indexInGroup(self);
        List<String> victims = accounts.victims(group.name());
        this.victim = victims.isEmpty() ? null : victims.get((int) (stream % victims.size()));
    }

    public Step next() {
        long think = groupSpec.think().sample(random);
        Behaviour b = groupSpec.mix().pick(random);
        Action action = switch (b) {
            case UNICAST -> new Action(b, pick(1), List.of(), null, 0);
            case MULTICAST -> new Action(b, pick(2 + random.nextInt(3)), List.of(), null, 0);
            case BLOCKCAST -> new Action(b, List.of(), pick(1 + random.nextInt(3)), null, 0);
            case WRONG_PASSWORD, RIGHT_PASSWORD -> new Action(b, List.of(), List.of(), victim, 0);
            case BEACON -> new Action(b, List.of(peer()), List.of(), null, 0);
            case SEND_FILE -> new Action(b, List.of(peer()), List.of(), null, fileSize());
            case DM -> new Action(b, List.of(peer()), List.of(), null, 0);
            case LEAVE -> new Action(b, List.of(), List.of(), null, 0, null, groupSpec.p2p().away().sample(random));
            case STATUS -> new Action(b, List.of(), List.of(), null, 0, STATUSES.get(random.nextInt(STATUSES.size())));
            default -> Action.of(b);
        };
        return new Step(think, action);
    }

    /** {@code n} distinct other chat users (fewer if there are not that many). */
    private List<String> pick(int n) {
        int others = selfIndex < 0 ? users.size() : users.size() - 1;
        int count = Math.min(n, others);
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            int i = random.nextInt(others);
            chosen.add(users.get(selfIndex >= 0 && i >= selfIndex ? i + 1 : i));
        }
        return new ArrayList<>(chosen);
    }

    /** Another user of the same group. */
    private String peer() {
        int i = random.nextInt(group.size() - 1);
        return group.get(i >= selfInGroup ? i + 1 : i);
    }

    private long fileSize() {
        P2pSpec p2p = groupSpec.p2p();
        return p2p.minFileBytes() + (p2p.maxFileBytes() == p2p.minFileBytes() ? 0
                : random.nextLong(p2p.maxFileBytes() - p2p.minFileBytes() + 1));
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
