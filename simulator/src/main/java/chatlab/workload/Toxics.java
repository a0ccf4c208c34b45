package chatlab.workload;

import chatlab.net.toxic.Bandwidth;
import chatlab.net.toxic.Direction;
import chatlab.net.toxic.LimitData;
import chatlab.net.toxic.Latency;
import chatlab.net.toxic.ResetPeer;
import chatlab.net.toxic.Slicer;
import chatlab.net.toxic.SlowClose;
import chatlab.net.toxic.Timeout;
import chatlab.net.toxic.Toxic;
import chatlab.p2p.impair.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads Toxiproxy toxics from a scenario: {@code {type: latency, latency: 50ms, jitter: 10ms}}. */
final class Toxics {
    static final List<String> KINDS = List.of("latency", "bandwidth", "slicer", "timeout", "reset_peer", "limit_data",
            "slow_close");

    private Toxics() {
    }

    /** The toxic of {@code kind} described by {@code node}; {@code extra} names the node's other fields. */
    static Toxic parse(String kind, ConfigNode node, String... extra) {
        List<String> allowed = new ArrayList<>(List.of(extra));
        allowed.addAll(List.of("direction", "toxicity"));
        allowed.addAll(switch (kind) {
            case "latency" -> List.of("latency", "jitter");
            case "bandwidth" -> List.of("kilobytesPerSecond");
            case "slicer" -> List.of("averageSize", "sizeVariation", "delay");
            case "timeout", "reset_peer" -> List.of("timeout");
            case "limit_data" -> List.of("bytes");
            case "slow_close" -> List.of("delay");
            default -> throw node.error("unknown toxic '" + kind + "'; the toxics are " + String.join(", ", KINDS));
        });
        node.allowOnly(allowed.toArray(String[]::new));
        Direction direction = direction(node.get("direction"));
        double toxicity = node.get("toxicity").doubleValue(0, 1, 1.0);
        try {
            return switch (kind) {
                case "latency" -> new Latency(node.require("latency").duration(), node.get("jitter").duration(Duration.ZERO),
                        direction, toxicity);
                case "bandwidth" -> new Bandwidth(node.require("kilobytesPerSecond").longValue(1, Long.MAX_VALUE),
                        direction, toxicity);
                case "slicer" -> new Slicer(bytes(node.require("averageSize")), node.get("sizeVariation").present()
                        ? bytes(node.get("sizeVariation")) : 0, node.get("delay").duration(Duration.ZERO), direction, toxicity);
                case "timeout" -> new Timeout(positive(node.require("timeout")), direction, toxicity);
                case "reset_peer" -> new ResetPeer(node.get("timeout").duration(Duration.ZERO), direction, toxicity);
                case "limit_data" -> new LimitData(bytes(node.require("bytes")), direction, toxicity);
                default -> new SlowClose(node.require("delay").duration(), direction, toxicity);
            };
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    /**
     * A timeout toxic of 0 would drop data for as long as it lasts and then let the stream go
     * on with a hole in it, which no real network does to a TCP connection; so it must close.
     */
    private static Duration positive(ConfigNode node) {
        Duration d = node.duration();
        if (d.isZero()) {
            throw node.error("must be more than 0: the connection closes after it (0 would leave a hole in the TCP stream)");
        }
        return d;
    }

    private static long bytes(ConfigNode node) {
        try {
            return Units.bytes(node.text(), node.path());
        } catch (IllegalArgumentException e) {
            throw node.error("expected a size such as 512, 4kb or 1mb, not '" + node.text() + "'");
        }
    }

    private static Direction direction(ConfigNode node) {
        String text = node.text("both").toUpperCase(Locale.ROOT);
        try {
            return Direction.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw node.error("expected both, upstream (client to server) or downstream (server to client)");
        }
    }
}
