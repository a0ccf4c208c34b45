package chatlab.workload;

import chatlab.p2p.impair.Units;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value of a scenario file and its path from the root, for reading it with errors that name
 * the field: {@code groups[0].think.mean: expected a duration such as 2s, not 'soon'}.
 */
final class ConfigNode {
    private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*/\\s*(s|sec|second|m|min|minute|h|hour)");

    private final JsonNode node;
    private final String path;

    ConfigNode(JsonNode node, String path) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
    }

    String path() {
        return path;
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    boolean isObject() {
        return node.isObject();
    }

    ScenarioException error(String message) {
        return new ScenarioException(path, message);
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A field of this object, present or not. */
    ConfigNode get(String name) {
        if (present() && !node.isObject()) {
            throw error("expected an object with fields, not " + describe());
        }
        return new ConfigNode(node.get(name), child(name));
    }

    /** A field that must be there. */
    ConfigNode require(String name) {
        ConfigNode field = get(name);
        if (!field.present()) {
            throw new ScenarioException(child(name), "required");
        }
        return field;
    }

    /** Throws if this object has a field outside {@code allowed}, naming it and the ones allowed. */
    ConfigNode allowOnly(String... allowed) {
        if (!present()) {
            return this;
        }
        if (!node.isObject()) {
            throw error("expected an object with fields, not " + describe());
        }
        Set<String> known = new LinkedHashSet<>(List.of(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new ScenarioException(child(name), "unknown field; the fields here are " + String.join(", ", known));
            }
        }
        return this;
    }

    /** The fields of an object, in file order. */
    List<Map.Entry<String, ConfigNode>> fields() {
        if (!node.isObject()) {
            throw error("expected an object with fields, not " + describe());
        }
        List<Map.Entry<String, ConfigNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(e -> fields.add(Map.entry(e.getKey(), new ConfigNode(e.getValue(), child(e.getKey())))));
        return fields;
    }

    /** The items of a list; one item on its own counts as a list of one. */
    List<ConfigNode> items() {
        List<ConfigNode> items = new ArrayList<>();
        if (!present()) {
            return items;
        }
        if (!node.isArray()) {
            return List.of(this);
        }
        for (int i = 0; i < node.size(); i++) {
            items.add(new ConfigNode(node.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    String text() {
        if (!node.isValueNode()) {
            throw error("expected a value, not " + describe());
        }
        return node.asText().strip();
    }

    String text(String fallback) {
        return present() ? text() : fallback;
    }

    long longValue(long min, long max) {
        if (!node.isIntegralNumber() && !(node.isTextual() && node.asText().strip().matches("-?[0-9]+"))) {
            throw error("expected a whole number, not " + describe());
        }
        long value = node.isIntegralNumber() ? node.asLong() : Long.parseLong(node.asText().strip());
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    long longValue(long min, long max, long fallback) {
        return present() ? longValue(min, max) : fallback;
    }

    int intValue(int min, int max) {
        return (int) longValue(min, max);
    }

    int intValue(int min, int max, int fallback) {
        return present() ? intValue(min, max) : fallback;
    }

    double doubleValue(double min, double max) {
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual() && node.asText().strip().matches("[0-9]+(\\.[0-9]+)?%")) {
            String t = node.asText().strip();
            value = Double.parseDouble(t.substring(0, t.length() - 1)) / 100;
        } else {
            throw error("expected a number, not " + describe());
        }
        if (!(value >= min && value <= max)) {
            throw error("must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    double doubleValue(double min, double max, double fallback) {
        return present() ? doubleValue(min, max) : fallback;
    }

    boolean bool(boolean fallback) {
        if (!present()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw error("expected true or false, not " + describe());
        }
        return node.asBoolean();
    }

    Duration duration() {
        try {
            return Units.duration(text());
        } catch (IllegalArgumentException e) {
            throw error("expected a duration such as 500ms, 2s or 1m, not " + describe());
        }
    }

    Duration duration(Duration fallback) {
        return present() ? duration() : fallback;
    }

    /** A rate such as {@code 5/s}, {@code 90/m} or a plain number per second; per second. */
    double rate() {
        if (node.isNumber()) {
            return positive(node.asDouble());
        }
        Matcher m = RATE.matcher(text());
        if (!m.matches()) {
            throw error("expected a rate such as 5/s or 120/m, not " + describe());
        }
        double value = Double.parseDouble(m.group(1));
        return positive(switch (m.group(2).charAt(0)) {
            case 'm' -> value / 60;
            case 'h' -> value / 3600;
            default -> value;
        });
    }

    private double positive(double value) {
        if (!(value > 0)) {
            throw error("must be more than zero");
        }
        return value;
    }

    private String describe() {
        if (!present()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }
}
