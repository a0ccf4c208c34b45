package chatlab.p2p.impair;

import java.util.SplittableRandom;

/**
 * Bursty loss: a two-state Markov chain. In the good state datagrams are lost with probability
 * {@code lossGood}, in the bad state with {@code lossBad}; each datagram the chain moves from
 * good to bad with probability {@code p} and back with {@code r}. The mean burst lasts 1/r.
 */
public final class GilbertElliottLoss implements LossModel {
    private final double p;
    private final double r;
    private final double lossGood;
    private final double lossBad;
    private boolean bad;

    public GilbertElliottLoss(double p, double r, double lossGood, double lossBad) {
        this.p = Impairment.checkProbability(p, "burst p");
        this.r = Impairment.checkProbability(r, "burst r");
        this.lossGood = Impairment.checkProbability(lossGood, "burst loss in the good state");
        this.lossBad = Impairment.checkProbability(lossBad, "burst loss in the bad state");
    }

    @Override
    public boolean lose(SplittableRandom random) {
        bad = bad ? random.nextDouble() >= r : random.nextDouble() < p;
        return random.nextDouble() < (bad ? lossBad : lossGood);
    }

    /** The long-run share of datagrams lost. */
    public double meanLoss() {
        double shareBad = p + r == 0 ? 0 : p / (p + r);
        return shareBad * lossBad + (1 - shareBad) * lossGood;
    }

    /** The parameters of a Gilbert-Elliott model, written {@code P/R/BAD[/GOOD]}. */
    public record Spec(double p, double r, double lossBad, double lossGood) {
        public Spec {
            Impairment.checkProbability(p, "burst P");
            Impairment.checkProbability(r, "burst R");
            Impairment.checkProbability(lossBad, "burst BAD");
            Impairment.checkProbability(lossGood, "burst GOOD");
        }

        static Spec parse(String text) {
            String[] parts = text.split("/");
            if (parts.length < 3 || parts.length > 4) {
                throw new IllegalArgumentException("invalid impairment burst=" + text
                        + ": expected P/R/BAD[/GOOD], e.g. 0.01/0.3/0.8");
            }
            double[] v = new double[4];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Impairment.probability(parts[i].strip(), "burst");
            }
            return new Spec(v[0], v[1], v[2], parts.length == 4 ? v[3] : 0);
        }

        GilbertElliottLoss model() {
            return new GilbertElliottLoss(p, r, lossGood, lossBad);
        }

        @Override
        public String toString() {
            return p + "/" + r + "/" + lossBad + (lossGood > 0 ? "/" + lossGood : "");
        }
    }
}
