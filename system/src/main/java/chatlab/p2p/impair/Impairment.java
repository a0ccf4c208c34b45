package chatlab.p2p.impair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What an impaired link does to datagrams, written as {@code loss=0.05,delay=20ms,jitter=5ms}.
 *
 * <ul>
 *   <li>{@code loss=P}: each datagram is lost with probability P (also {@code 5%});</li>
 *   <li>{@code burst=P/R/BAD[/GOOD]}: Gilbert-Elliott bursts, which take the place of {@code loss}
 *       (see {@link GilbertElliottLoss});</li>
 *   <li>{@code delay=D}, {@code jitter=J}: one-way delay D, give or take up to J (uniform);</li>
 *   <li>{@code dup=P}, {@code reorder=P}, {@code corrupt=P}: duplicate, hold back past later
 *       datagrams, or flip one bit;</li>
 *   <li>{@code rate=R}: serialise at R (e.g. {@code 10mbit}), queueing up to {@code queue=B} bytes
 *       (default 1mb) and dropping past that.</li>
 * </ul>
 */
public record Impairment(double loss, GilbertElliottLoss.Spec burst, Duration delay, Duration jitter, double duplicate,
        double reorder, double corrupt, long rateBitsPerSecond, long queueBytes) {

    public static final Impairment NONE = new Impairment(0, null, Duration.ZERO, Duration.ZERO, 0, 0, 0, 0, 1 << 20);
    private static final String KEYS = "loss, burst, delay, jitter, dup, reorder, corrupt, rate, queue";

    public Impairment {
        checkProbability(loss, "loss");
        checkProbability(duplicate, "dup");
        checkProbability(reorder, "reorder");
        checkProbability(corrupt, "corrupt");
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("delay and jitter must not be negative");
        }
        if (rateBitsPerSecond < 0 || queueBytes < 1) {
            throw new IllegalArgumentException("rate must be 0 (unlimited) or more, and queue at least 1 byte");
        }
    }

    /** Whether this changes anything at all; an unimpaired link is not simulated. */
    public boolean isNone() {
        return loss == 0 && burst == null && delay.isZero() && jitter.isZero() && duplicate == 0 && reorder == 0
                && corrupt == 0 && rateBitsPerSecond == 0;
    }

    /** A fresh loss model for one direction of one link. */
    public LossModel lossModel() {
        return burst != null ? burst.model() : LossModel.bernoulli(loss);
    }

    public Impairment withLoss(double value) {
        return new Impairment(value, burst, delay, jitter, duplicate, reorder, corrupt, rateBitsPerSecond, queueBytes);
    }

    public Impairment withDelay(Duration value) {
        return new Impairment(loss, burst, value, jitter, duplicate, reorder, corrupt, rateBitsPerSecond, queueBytes);
    }

    public Impairment withRate(long bitsPerSecond) {
        return new Impairment(loss, burst, delay, jitter, duplicate, reorder, corrupt, bitsPerSecond, queueBytes);
    }

    /** Parses the text form; an error names the key that is wrong. */
    public static Impairment parse(String text) {
        Impairment result = NONE;
        if (text == null || text.isBlank() || text.strip().equals("none")) {
            return result;
        }
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2 || kv[1].isBlank()) {
                throw new IllegalArgumentException("invalid impairment '" + part.strip() + "': expected key=value, with keys " + KEYS);
            }
            String key = kv[0].strip().toLowerCase(Locale.ROOT);
            String value = kv[1].strip();
            result = with(result, key, value);
        }
        return result;
    }

    private static Impairment with(Impairment i, String key, String value) {
        return switch (key) {
            case "loss" -> i.withLoss(probability(value, key));
            case "burst" -> new Impairment(i.loss, GilbertElliottLoss.Spec.parse(value), i.delay, i.jitter, i.duplicate,
                    i.reorder, i.corrupt, i.rateBitsPerSecond, i.queueBytes);
            case "delay" -> i.withDelay(duration(value, key));
            case "jitter" -> new Impairment(i.loss, i.burst, i.delay, duration(value, key), i.duplicate, i.reorder,
                    i.corrupt, i.rateBitsPerSecond, i.queueBytes);
            case "dup", "duplicate" -> new Impairment(i.loss, i.burst, i.delay, i.jitter, probability(value, key),
                    i.reorder, i.corrupt, i.rateBitsPerSecond, i.queueBytes);
            case "reorder" -> new Impairment(i.loss, i.burst, i.delay, i.jitter, i.duplicate, probability(value, key),
                    i.corrupt, i.rateBitsPerSecond, i.queueBytes);
            case "corrupt" -> new Impairment(i.loss, i.burst, i.delay, i.jitter, i.duplicate, i.reorder,
                    probability(value, key), i.rateBitsPerSecond, i.queueBytes);
            case "rate" -> i.withRate(Units.bitsPerSecond(value, key));
            case "queue" -> new Impairment(i.loss, i.burst, i.delay, i.jitter, i.duplicate, i.reorder, i.corrupt,
                    i.rateBitsPerSecond, Units.bytes(value, key));
            default -> throw new IllegalArgumentException("invalid impairment: unknown key '" + key + "'; use " + KEYS);
        };
    }

    static double probability(String value, String key) {
        return guard(key, value, () -> {
            double p = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                    : Double.parseDouble(value);
            return checkProbability(p, key);
        });
    }

    static Duration duration(String value, String key) {
        return guard(key, value, () -> Units.duration(value));
    }

    static <T> T guard(String key, String value, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid impairment " + key + "=" + value + ": " + e.getMessage(), e);
        }
    }

    static double checkProbability(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability from 0 to 1, not " + p);
        }
        return p;
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (loss > 0) {
            parts.add("loss=" + loss);
        }
        if (burst != null) {
            parts.add("burst=" + burst);
        }
        if (!delay.isZero()) {
            parts.add("delay=" + Units.format(delay));
        }
        if (!jitter.isZero()) {
            parts.add("jitter=" + Units.format(jitter));
        }
        if (duplicate > 0) {
            parts.add("dup=" + duplicate);
        }
        if (reorder > 0) {
            parts.add("reorder=" + reorder);
        }
        if (corrupt > 0) {
            parts.add("corrupt=" + corrupt);
        }
        if (rateBitsPerSecond > 0) {
            parts.add("rate=" + rateBitsPerSecond + "bit");
            parts.add("queue=" + queueBytes + "b");
        }
        return String.join(",", parts);
    }
}
