package chatlab.checker;

import java.util.List;
import java.util.Map;

/**
 * What one checker found: the validity, one sentence for a person, the counts it worked from,
 * and evidence (the first violations, each naming the events involved).
 */
public record Verdict(String checker, Validity validity, String summary, Map<String, Long> counts, List<String> evidence) {
    public Verdict {
        counts = Map.copyOf(counts);
        evidence = List.copyOf(evidence);
    }
}
