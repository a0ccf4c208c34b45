package chatlab.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --sweep PATH=V1,V2,...}: one scenario run once for each value of one field, to find
 * where the server stops keeping up. Values are split at top-level commas, so a value may be
 * a list or an object: {@code groups.a.think={uniform: [1s, 2s]},500ms}.
 */
public record Sweep(String path, List<String> values) {
    /** The most steps a sweep may take. */
    public static final int MAX_STEPS = 20;

    public Sweep {
        values = List.copyOf(values);
    }

    public static Sweep parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("--sweep takes PATH=V1,V2,..., such as groups.senders.think=50ms,25ms,10ms, not '"
                    + text + "'");
        }
        String path = text.substring(0, eq).strip();
        List<String> values = split(text.substring(eq + 1));
        if (values.size() < 2) {
            throw new IllegalArgumentException("--sweep needs at least two values for " + path + ", separated by commas");
        }
        if (values.size() > MAX_STEPS) {
            throw new IllegalArgumentException("--sweep takes at most " + MAX_STEPS + " values, not " + values.size());
        }
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--sweep has an empty value for " + path + ": '" + text.substring(eq + 1) + "'");
        }
        if (values.stream().distinct().count() < values.size()) {
            throw new IllegalArgumentException("--sweep repeats a value for " + path + ": '" + text.substring(eq + 1) + "'");
        }
        return new Sweep(path, values);
    }

    /** The {@code --set} override of step {@code i} (from 0). */
    public String override(int i) {
        return path + "=" + values.get(i);
    }

    /** The folder of step {@code i} (from 0) inside the sweep's folder. */
    public static String stepFolder(int i) {
        return "step-" + (i + 1);
    }

    private static List<String> split(String text) {
        List<String> values = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == ',' && depth == 0) {
                values.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            current.append(c);
        }
        values.add(current.toString().strip());
        return values;
    }
}
