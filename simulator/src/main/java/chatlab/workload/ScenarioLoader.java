package chatlab.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import chatlab.p2p.impair.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario from YAML or JSON, applies {@code --set path=value} overrides, and checks it
 * whole before anything runs. Every error names the field, e.g. {@code groups[1].rate}.
 */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ScenarioLoader() {
    }

    /** Loads {@code file}; {@code overrides} are {@code path=value}, e.g. {@code seed=7} or {@code groups.office.users=50}. */
    public static Scenario load(Path file, List<String> overrides) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("", "no scenario file " + file);
        }
        return parse(text, file.getFileName().toString().endsWith(".json"), overrides);
    }

    public static Scenario parse(String text, boolean json, List<String> overrides) {
        JsonNode root;
        try {
            root = (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("", "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("", "a scenario is an object with fields such as name, duration and groups");
        }
        for (String override : overrides) {
            apply((ObjectNode) root, override);
        }
        return read(new ConfigNode(root, ""));
    }

    private static Scenario read(ConfigNode root) {
        root.allowOnly("name", "description", "seed", "duration", "warmUp", "drain", "requestTimeout", "server", "blocks",
                "groups", "nemesis", "thresholds");
        String name = root.require("name").text();
        Duration duration = root.require("duration").duration();
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw root.get("duration").error("must be at least 1s");
        }
        Duration warmUp = root.get("warmUp").duration(Duration.ZERO);
        if (warmUp.compareTo(duration) >= 0) {
            throw root.get("warmUp").error("must be shorter than the duration (" + Units.format(duration) + ")");
        }
        List<GroupSpec> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode g : root.require("groups").items()) {
            GroupSpec group = GroupSpec.parse(g);
            if (!names.add(group.name())) {
                throw g.get("name").error("another group has this name");
            }
            groups.add(group);
        }
        if (groups.isEmpty()) {
            throw root.get("groups").error("give at least one group");
        }
        List<String> groupNames = groups.stream().map(GroupSpec::name).toList();
        List<FaultPlan> nemesis = new ArrayList<>();
        for (ConfigNode f : root.get("nemesis").items()) {
            nemesis.add(f.get("random").present() ? RandomFaults.parse(single(f, "random"), groupNames, duration)
                    : FaultSpec.parse(f, groupNames, duration));
        }
        // a group under a fault needs its own proxy, whether or not it asked for one
        Set<String> faulted = new HashSet<>();
        nemesis.forEach(f -> faulted.addAll(f.groups()));
        groups.replaceAll(g -> faulted.contains(g.name()) ? g.withProxy(true) : g);
        int chatting = groups.stream().filter(GroupSpec::chats).mapToInt(GroupSpec::users).sum();
        boolean messages = groups.stream().anyMatch(g -> g.mix().has(Behaviour::chat));
        if (messages && chatting < 2) {
            throw root.get("groups").error("chat needs at least two users who chat");
        }
        List<Threshold> thresholds = new ArrayList<>();
        for (ConfigNode t : root.get("thresholds").items()) {
            thresholds.add(Threshold.parse(t));
        }
        return new Scenario(name, root.get("description").text(""), root.get("seed").longValue(Long.MIN_VALUE,
                Long.MAX_VALUE, 1), duration, warmUp, root.get("drain").duration(Duration.ofSeconds(20)),
                root.get("requestTimeout").duration(Duration.ofSeconds(10)), ServerSettings.parse(root.get("server")),
                BlockSpec.parse(root.get("blocks")), groups, nemesis, thresholds);
    }

    /** The only field of {@code node}, {@code name}. */
    private static ConfigNode single(ConfigNode node, String name) {
        node.allowOnly(name);
        return node.get(name);
    }

    /** {@code a.b=v}, {@code groups.office.users=v} (a group by name) or {@code groups[0].users=v}. */
    static void apply(ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq < 1) {
            throw new ScenarioException("", "--set takes path=value, such as seed=7 or groups.office.users=50, not '"
                    + override + "'");
        }
        String path = override.substring(0, eq).strip();
        JsonNode value;
        try {
            value = YAML.readTree(override.substring(eq + 1));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(path, "the value of --set is not valid YAML");
        }
        List<String> parts = new ArrayList<>(List.of(path.replaceAll("\\[(\\d+)]", ".$1").split("\\.")));
        JsonNode node = root;
        for (int i = 0; i < parts.size() - 1; i++) {
            node = step(node, parts.get(i), path);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ScenarioException(path, "--set can only set a field of an object");
        }
        object.set(parts.getLast(), value == null || value.isMissingNode() ? null : value);
    }

    private static JsonNode step(JsonNode node, String part, String path) {
        if (node instanceof ArrayNode array) {
            if (part.matches("\\d+") && Integer.parseInt(part) < array.size()) {
                return array.get(Integer.parseInt(part));
            }
            for (JsonNode item : array) {
                if (item.path("name").asText().equals(part)) {
                    return item;
                }
            }
            throw new ScenarioException(path, "no item '" + part + "' (give an index or a group's name)");
        }
        if (node instanceof ObjectNode object) {
            JsonNode next = object.get(part);
            if (next == null || next.isNull()) {
                next = object.putObject(part);
            }
            return next;
        }
        throw new ScenarioException(path, "'" + part + "' is not inside an object or a list");
    }
}
