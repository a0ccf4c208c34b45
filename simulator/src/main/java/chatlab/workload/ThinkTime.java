package chatlab.workload;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** How long a simulated user pauses between actions: a distribution sampled from the user's own seeded stream. */
public sealed interface ThinkTime {
    /** A pause, in nanoseconds. */
    long sample(SplittableRandom random);

    /** Always the same pause. */
    record Constant(Duration pause) implements ThinkTime {
        @Override
        public long sample(SplittableRandom random) {
            return pause.toNanos();
        }
    }

    /** Anything between {@code min} and {@code max}, evenly. */
    record Uniform(Duration min, Duration max) implements ThinkTime {
        @Override
        public long sample(SplittableRandom random) {
            long lo = min.toNanos();
            long hi = max.toNanos();
            return lo == hi ? lo : lo + random.nextLong(hi - lo + 1);
        }
    }

    /** Memoryless pauses with the given mean: what a Poisson process of actions has. */
    record Exponential(Duration mean) implements ThinkTime {
        @Override
        public long sample(SplittableRandom random) {
            return (long) (-Math.log(1 - random.nextDouble()) * mean.toNanos());
        }
    }

    /** Mostly near the median with a long tail, as people's pauses are; {@code sigma} is the spread of the log. */
    record LogNormal(Duration median, double sigma) implements ThinkTime {
        @Override
        public long sample(SplittableRandom random) {
            double gaussian = gaussian(random);
            return (long) (median.toNanos() * Math.exp(sigma * gaussian));
        }

        private static double gaussian(SplittableRandom random) {
            // Box-Muller, so that the stream stays the user's own SplittableRandom
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
    }

    /** {@code 2s}, {@code {constant: 2s}}, {@code {uniform: [1s, 3s]}}, {@code {exponential: 2s}}, {@code {lognormal: {median: 1s, sigma: 0.5}}}. */
    static ThinkTime parse(ConfigNode node) {
        if (!node.present()) {
            return new Constant(Duration.ZERO);
        }
        if (!node.isObject()) {
            return new Constant(node.duration());
        }
        node.allowOnly("constant", "uniform", "exponential", "lognormal");
        List<java.util.Map.Entry<String, ConfigNode>> fields = node.fields();
        if (fields.size() != 1) {
            throw node.error("name one distribution: constant, uniform, exponential or lognormal");
        }
        ConfigNode value = fields.getFirst().getValue();
        return switch (fields.getFirst().getKey()) {
            case "constant" -> new Constant(value.duration());
            case "exponential" -> new Exponential(value.duration());
            case "uniform" -> {
                List<ConfigNode> bounds = value.items();
                if (bounds.size() != 2) {
                    throw value.error("expected [min, max], such as [1s, 3s]");
                }
                Duration min = bounds.get(0).duration();
                Duration max = bounds.get(1).duration();
                if (max.compareTo(min) < 0) {
                    throw value.error("the maximum is below the minimum");
                }
                yield new Uniform(min, max);
            }
            default -> {
                value.allowOnly("median", "sigma");
                yield new LogNormal(value.require("median").duration(), value.require("sigma").doubleValue(0, 5));
            }
        };
    }
}
