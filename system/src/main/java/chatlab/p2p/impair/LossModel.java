package chatlab.p2p.impair;

import java.util.SplittableRandom;

/** Decides whether the next datagram is lost. One random draw source, one datagram at a time. */
@FunctionalInterface
public interface LossModel {
    boolean lose(SplittableRandom random);

    /** Independent losses with probability {@code p}. */
    static LossModel bernoulli(double p) {
        Impairment.checkProbability(p, "loss");
        return random -> p > 0 && random.nextDouble() < p;
    }
}
