package chatlab.workload;

import chatlab.p2p.arq.Strategy;
import chatlab.p2p.impair.Impairment;
import chatlab.p2p.impair.Units;
import java.time.Duration;
import java.util.List;

/**
 * How a group's users work peer to peer, over a UDP port each: what the link does to their
 * datagrams ({@code impair}, through the seeded impairer), the size of the files they send,
 * how files are made reliable, how long a heard beacon stays in a contact log, how many relays
 * hold a direct message for a user who is offline and for how long ({@code relays},
 * {@code hold}), and how long a user who leaves stays away ({@code away}).
 */
public record P2pSpec(String impair, long minFileBytes, long maxFileBytes, Strategy strategy, int window,
        Duration contactTtl, int relays, Duration hold, ThinkTime away) {
    public static final P2pSpec DEFAULT = new P2pSpec("", 1024, 32 * 1024, Strategy.GO_BACK_N, 32, Duration.ofMinutes(3),
            3, Duration.ofSeconds(30), new ThinkTime.Exponential(Duration.ofSeconds(10)));

    public P2pSpec(String impair, long minFileBytes, long maxFileBytes, Strategy strategy, int window, Duration contactTtl) {
        this(impair, minFileBytes, maxFileBytes, strategy, window, contactTtl, DEFAULT.relays, DEFAULT.hold, DEFAULT.away);
    }

    public Impairment impairment() {
        return impair.isBlank() ? Impairment.NONE : Impairment.parse(impair);
    }

    static P2pSpec parse(ConfigNode node) {
        if (!node.present()) {
            return DEFAULT;
        }
        node.allowOnly("impair", "fileSize", "strategy", "window", "contactTtl", "relays", "hold", "away");
        String impair = node.get("impair").text("");
        try {
            if (!impair.isBlank()) {
                Impairment.parse(impair);
            }
        } catch (IllegalArgumentException e) {
            throw node.get("impair").error(e.getMessage());
        }
        long min = DEFAULT.minFileBytes();
        long max = DEFAULT.maxFileBytes();
        if (node.get("fileSize").present()) {
            List<ConfigNode> bounds = node.get("fileSize").items();
            if (bounds.size() != 2) {
                throw node.get("fileSize").error("expected [min, max], such as [1kb, 64kb]");
            }
            min = bytes(bounds.get(0));
            max = bytes(bounds.get(1));
            if (max < min) {
                throw node.get("fileSize").error("the maximum is below the minimum");
            }
        }
        Strategy strategy;
        try {
            strategy = Strategy.parse(node.get("strategy").text("gbn"));
        } catch (IllegalArgumentException e) {
            throw node.get("strategy").error(e.getMessage());
        }
        Duration hold = node.get("hold").duration(DEFAULT.hold());
        if (hold.isZero() || hold.isNegative()) {
            throw node.get("hold").error("relays hold a message for a positive time");
        }
        return new P2pSpec(impair, min, max, strategy, node.get("window").intValue(1, 65_536, DEFAULT.window()),
                node.get("contactTtl").duration(DEFAULT.contactTtl()), node.get("relays").intValue(0,
                        chatlab.p2p.direct.DirectMessages.Settings.MOST_RELAYS, DEFAULT.relays()),
                hold, node.get("away").present() ? ThinkTime.parse(node.get("away")) : DEFAULT.away());
    }

    private static long bytes(ConfigNode node) {
        try {
            long value = Units.bytes(node.text(), node.path());
            if (value > 64L << 20) {
                throw node.error("files of the simulation are at most 64mb");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw node.error("expected a size such as 512, 4kb or 1mb, not '" + node.text() + "'");
        }
    }
}
