package chatlab.p2p.impair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FateSourceTest {
    private static final Impairment EVERYTHING = Impairment.parse("loss=0.1,dup=0.05,reorder=0.05,corrupt=0.02,jitter=2ms");

    private static List<Fate> fates(Impairment impairment, long seed, int n) {
        FateSource source = new FateSource(impairment, seed);
        List<Fate> fates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fates.add(source.next(1000));
        }
        return fates;
    }

    @Test
    void theSameSeedDealsTheSameFates() {
        assertThat(fates(EVERYTHING, 42, 5_000)).isEqualTo(fates(EVERYTHING, 42, 5_000));
        assertThat(fates(EVERYTHING, 42, 5_000)).isNotEqualTo(fates(EVERYTHING, 43, 5_000));
    }

    @Test
    void lossDuplicationAndCorruptionHappenAtTheirRates() {
        List<Fate> fates = fates(EVERYTHING, 7, 100_000);
        assertThat(fates.stream().filter(Fate::lost).count() / 100_000.0).isCloseTo(0.1, within(0.005));
        List<Fate> kept = fates.stream().filter(f -> !f.lost()).toList();
        assertThat(kept.stream().filter(f -> f.copies() == 2).count() / (double) kept.size()).isCloseTo(0.05, within(0.005));
        assertThat(kept.stream().filter(f -> f.corruptBit() >= 0).count() / (double) kept.size()).isCloseTo(0.02, within(0.003));
        assertThat(kept).allSatisfy(f -> assertThat(f.corruptBit()).isLessThan(8000));
    }

    @Test
    void burstsLoseAtTheirMeanRateButInRuns() {
        Impairment bursty = Impairment.parse("burst=0.01/0.25/0.8");
        List<Fate> fates = fates(bursty, 3, 200_000);
        double mean = new GilbertElliottLoss(0.01, 0.25, 0, 0.8).meanLoss();
        assertThat(fates.stream().filter(Fate::lost).count() / 200_000.0).isCloseTo(mean, within(0.006));
        int runs = 0;
        int lostAfterLost = 0;
        for (int i = 1; i < fates.size(); i++) {
            if (fates.get(i - 1).lost()) {
                runs++;
                if (fates.get(i).lost()) {
                    lostAfterLost++;
                }
            }
        }
        assertThat(lostAfterLost / (double) runs).as("a loss follows a loss far more often than the mean").isGreaterThan(0.5);
    }

    @Test
    void jitterStaysWithinItsBound() {
        assertThat(fates(Impairment.parse("jitter=3ms"), 1, 10_000)).allSatisfy(f -> {
            for (long d : f.extraDelayNanos()) {
                assertThat(Math.abs(d)).isLessThanOrEqualTo(3_000_000);
            }
        });
    }
}
