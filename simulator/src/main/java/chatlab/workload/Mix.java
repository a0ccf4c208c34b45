package chatlab.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** A weighted choice of behaviours: {@code unicast: 40, read: 10} picks unicast four times as often as read. */
public record Mix(Map<Behaviour, Integer> weights) {
    public Mix {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        if (weights.isEmpty() || weights.values().stream().mapToLong(Integer::longValue).sum() <= 0) {
            throw new IllegalArgumentException("a mix needs at least one behaviour with a positive weight");
        }
    }

    public Behaviour pick(SplittableRandom random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        for (Map.Entry<Behaviour, Integer> e : weights.entrySet()) {
            roll -= e.getValue();
            if (roll < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("unreachable: weights sum to " + total);
    }

    public boolean has(java.util.function.Predicate<Behaviour> kind) {
        return weights.entrySet().stream().anyMatch(e -> e.getValue() > 0 && kind.test(e.getKey()));
    }

    static Mix parse(ConfigNode node) {
        Map<Behaviour, Integer> weights = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> field : node.fields()) {
            Behaviour b = Behaviour.parse(field.getKey(), field.getValue());
            weights.put(b, field.getValue().intValue(0, 1_000_000));
        }
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw node.error("give at least one behaviour a weight above zero");
        }
        return new Mix(weights);
    }
}
