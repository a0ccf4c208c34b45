package chatlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same seed gives the same workload, whatever happens when it runs. */
class PlansTest {
    private static final Scenario SCENARIO = ScenarioLoader.parse("""
            name: plans
            seed: 42
            duration: 60s
            blocks: {share: 0.3, each: 2}
            groups:
              - name: office
                users: 10
                think: {lognormal: {median: 1s, sigma: 0.5}}
                mix: {unicast: 50, multicast: 20, blockcast: 10, broadcast: 5, read: 15}
              - name: walkins
                model: open
                rate: 3/s
                users: 8
                mix: {unicast: 1}
              - name: phones
                users: 4
                mix: {beacon: 1, sendFile: 1, upload: 1, dm: 1, leave: 1}
                p2p: {fileSize: [2kb, 3kb], away: {uniform: [1s, 2s]}}
              - name: thieves
                users: 3
                victims: 2
                mix: {wrongPassword: 4, rightPassword: 1}
            """, false, List.of());
    private static final Accounts ACCOUNTS = new Accounts(SCENARIO, "t");

    private static List<Step> plan(long seed, int user) {
        String self = ACCOUNTS.users("office").get(user);
        return new UserPlan(seed, 0, user, SCENARIO.group("office"), ACCOUNTS, self).first(300);
    }

    @Test
    void theSameSeedGivesTheSameStepsAndAnotherSeedOthers() {
        assertThat(plan(42, 3)).isEqualTo(plan(42, 3));
        assertThat(plan(42, 3)).isNotEqualTo(plan(43, 3));
        assertThat(plan(42, 3)).isNotEqualTo(plan(42, 4));
    }

    @Test
    void recipientsAreOtherChatUsersAndDistinct() {
        String self = ACCOUNTS.users("office").get(3);
        for (Step step : plan(42, 3)) {
            List<String> named = step.action().behaviour() == Behaviour.BLOCKCAST ? step.action().except() : step.action().to();
            assertThat(named).doesNotContain(self).doesNotHaveDuplicates().allSatisfy(u ->
                    assertThat(ACCOUNTS.chatUsers()).contains(u));
            switch (step.action().behaviour()) {
                case UNICAST -> assertThat(named).hasSize(1);
                case MULTICAST -> assertThat(named).hasSizeBetween(2, 4);
                case BLOCKCAST -> assertThat(named).hasSizeBetween(1, 3);
                default -> assertThat(named).isEmpty();
            }
        }
    }

    @Test
    void theMixIsHonouredInProportion() {
        Map<Behaviour, Integer> counts = new EnumMap<>(Behaviour.class);
        SplittableRandom random = new SplittableRandom(1);
        Mix mix = SCENARIO.group("office").mix();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(mix.pick(random), 1, Integer::sum);
        }
        assertThat(counts.get(Behaviour.UNICAST) / 20_000.0).isBetween(0.48, 0.52);
        assertThat(counts.get(Behaviour.BROADCAST) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(counts).doesNotContainKey(Behaviour.WHO);
    }

    @Test
    void openArrivalsFollowTheSeedAndTheRate() {
        var model = (LoadModel.Open) SCENARIO.group("walkins").model();
        List<Long> a = Arrivals.schedule(42, 1, model, 60_000_000_000L);
        assertThat(a).isEqualTo(Arrivals.schedule(42, 1, model, 60_000_000_000L));
        assertThat(a).isNotEqualTo(Arrivals.schedule(43, 1, model, 60_000_000_000L));
        assertThat(a).isSorted().allSatisfy(t -> assertThat(t).isBetween(0L, 60_000_000_000L));
        assertThat(a.size()).isBetween(150, 210); // 3/s for 60 s, Poisson
    }

    @Test
    void attackersAlwaysAttackTheirOwnVictim() {
        var plan = new UserPlan(42, 3, 1, SCENARIO.group("thieves"), ACCOUNTS, null).first(50);
        assertThat(plan).allSatisfy(s -> {
            assertThat(s.action().behaviour().attack()).isTrue();
            assertThat(s.action().victim()).isEqualTo("t-thieves-v1");
        });
    }

    @Test
    void beaconsFilesAndDirectMessagesGoToAnotherUserOfTheSameGroupAndLeavingTakesItsTimeAway() {
        String self = ACCOUNTS.users("phones").get(2);
        var plan = new UserPlan(42, 2, 2, SCENARIO.group("phones"), ACCOUNTS, self).first(200);
        assertThat(plan).filteredOn(s -> s.action().behaviour() == Behaviour.LEAVE).isNotEmpty()
                .allSatisfy(s -> assertThat(s.action().awayNanos()).isBetween(1_000_000_000L, 2_000_000_000L));
        assertThat(plan).filteredOn(s -> s.action().behaviour() == Behaviour.DM).isNotEmpty();
        assertThat(plan).filteredOn(s -> s.action().behaviour() != Behaviour.UPLOAD
                && s.action().behaviour() != Behaviour.LEAVE).allSatisfy(s -> {
            assertThat(s.action().to()).singleElement().isNotEqualTo(self)
                    .satisfies(peer -> assertThat(ACCOUNTS.users("phones")).contains(peer));
        });
        assertThat(plan).filteredOn(s -> s.action().behaviour() == Behaviour.SEND_FILE)
                .allSatisfy(s -> assertThat(s.action().bytes()).isBetween(2048L, 3072L)).isNotEmpty();
    }

    @Test
    void blocksFollowTheSeed() {
        var pairs = BlockPlan.pairs(42, SCENARIO.blocks(), ACCOUNTS.chatUsers());
        assertThat(pairs).isEqualTo(BlockPlan.pairs(42, SCENARIO.blocks(), ACCOUNTS.chatUsers()));
        assertThat(pairs).isNotEqualTo(BlockPlan.pairs(7, SCENARIO.blocks(), ACCOUNTS.chatUsers()));
        assertThat(pairs).allSatisfy(p -> assertThat(p.blocker()).isNotEqualTo(p.blocked())).doesNotHaveDuplicates();
        assertThat(pairs.size() % 2).isZero();
    }

    @Test
    void accountNamesKeepToTheProtocolsRules() {
        assertThat(ACCOUNTS.all()).hasSize(10 + 8 + 4 + 2).allSatisfy(name -> assertThat(name).matches(
                "[A-Za-z0-9+][A-Za-z0-9_.+-]{0,31}"));
        assertThat(ACCOUNTS.victims("thieves")).containsExactly("t-thieves-v0", "t-thieves-v1");
        assertThat(ACCOUNTS.chatUsers()).doesNotContainAnyElementsOf(ACCOUNTS.victims("thieves"));
    }

    @Test
    void thinkTimesAreSeededAndShapedAsAsked() {
        ThinkTime exponential = new ThinkTime.Exponential(java.time.Duration.ofSeconds(2));
        SplittableRandom r = new SplittableRandom(5);
        double mean = java.util.stream.LongStream.range(0, 20_000).map(i -> exponential.sample(r)).average().orElseThrow();
        assertThat(mean / 1e9).isBetween(1.9, 2.1);
        ThinkTime uniform = new ThinkTime.Uniform(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(3));
        SplittableRandom u = new SplittableRandom(5);
        assertThat(java.util.stream.LongStream.range(0, 1000).map(i -> uniform.sample(u)))
                .allSatisfy(v -> assertThat(v).isBetween(1_000_000_000L, 3_000_000_000L));
    }
}
