package chatlab.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every fault a scenario can name, and how to read each: the registry of the {@link Fault}
 * family. A new fault is one record and one line here.
 */
final class Faults {
    private interface Reader {
        Fault read(ConfigNode node, String... common);
    }

    private static final Map<String, Reader> BY_NAME = registry();

    /**
     * What each fault does when a random nemesis names it without parameters: strong enough to
     * matter, short of cutting every connection the moment it starts.
     */
    private static final Map<String, String> DEFAULTS = Map.of(
            "latency", "{latency: 300ms, jitter: 100ms}",
            "bandwidth", "{kilobytesPerSecond: 16}",
            "slicer", "{averageSize: 1, delay: 10us}",
            "timeout", "{timeout: 2s}",
            "reset_peer", "{timeout: 0ms}",
            "limit_data", "{bytes: 20kb}",
            "slow_close", "{delay: 2s}");

    private Faults() {
    }

    private static Map<String, Reader> registry() {
        Map<String, Reader> readers = new LinkedHashMap<>();
        readers.put(Partition.KIND, (node, common) -> {
            node.allowOnly(common);
            return new Partition();
        });
        readers.put(ServerCrash.KIND, (node, common) -> {
            node.allowOnly(common);
            return new ServerCrash();
        });
        readers.put(ServerPause.KIND, (node, common) -> {
            node.allowOnly(common);
            return new ServerPause();
        });
        for (String toxic : Toxics.KINDS) {
            readers.put(toxic, (node, common) -> network(Toxics.parse(toxic, node, common), node));
        }
        return Map.copyOf(readers);
    }

    /**
     * A toxic played by the nemesis. A black hole must strike every connection: Toxiproxy draws
     * a toxic's share of connections anew whenever another toxic of the proxy changes, and a
     * black hole interrupted that way lets the stream go on after dropping data.
     */
    private static NetworkFault network(chatlab.net.toxic.Toxic toxic, ConfigNode node) {
        if (toxic instanceof chatlab.net.toxic.Timeout && toxic.toxicity() < 1) {
            throw node.get("toxicity").error("a timeout fault strikes every connection (toxicity 1): Toxiproxy draws the "
                    + "share anew whenever another fault changes the proxy, and a black hole cut short that way lets the "
                    + "stream go on with a hole in it; for a share of connections, make it a standing toxic");
        }
        return new NetworkFault(toxic);
    }

    /** Every name, network faults first, then the server's. */
    static List<String> kinds() {
        List<String> kinds = new ArrayList<>(Toxics.KINDS);
        kinds.addAll(List.of(Partition.KIND, ServerCrash.KIND, ServerPause.KIND));
        return kinds;
    }

    /** The fault {@code node} describes by its field {@code fault}; {@code common} names the node's other fields. */
    static Fault read(ConfigNode node, String... common) {
        ConfigNode name = node.require("fault");
        String kind = name.text().equals("down") ? Partition.KIND : name.text();
        Reader reader = BY_NAME.get(kind);
        if (reader == null) {
            throw name.error("unknown fault; the faults are " + String.join(", ", kinds()));
        }
        return reader.read(node, common);
    }

    /** The fault named {@code kind} with its default parameters, as a random nemesis uses it. */
    static Fault byName(ConfigNode name) {
        String kind = name.text();
        if (!BY_NAME.containsKey(kind)) {
            throw name.error("unknown fault; the faults are " + String.join(", ", kinds()));
        }
        String fields = DEFAULTS.getOrDefault(kind, "{}");
        try {
            var node = new YAMLMapper().readTree(fields.substring(0, fields.length() - 1)
                    + (fields.length() > 2 ? ", " : "") + "fault: " + kind + "}");
            return read(new ConfigNode(node, name.path()), "fault");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the default of " + kind + " does not parse", e);
        }
    }
}
