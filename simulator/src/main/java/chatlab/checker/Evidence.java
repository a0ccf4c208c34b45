package chatlab.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects a checker's violations by kind, keeping the first few of each as evidence. */
final class Evidence {
    private static final int KEEP = 10;

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> kept = new ArrayList<>();

    void add(String kind, String detail) {
        long n = counts.merge(kind, 1L, Long::sum);
        if (n <= KEEP) {
            kept.add(kind + ": " + detail);
        }
    }

    long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    Map<String, Long> counts() {
        return counts;
    }

    List<String> kept() {
        return kept;
    }

    /** "3 lost, 1 duplicated". */
    String describe() {
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + kind));
        return String.join(", ", parts);
    }
}
