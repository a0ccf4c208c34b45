package chatlab.workload;

import chatlab.net.toxic.Toxic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of simulated users who behave alike and share a network path: {@code users} of them
 * (or, under the open model, a pool of that many accounts), with a think time, a mix of
 * behaviours and, when {@code proxy} is set, their own Toxiproxy proxy with standing
 * {@code toxics}. A group with {@code victims} attacks that many accounts' passwords instead.
 * A group whose mix beacons, uploads contact logs or sends files gives each user a UDP port,
 * as {@code p2p} says.
 */
public record GroupSpec(String name, LoadModel model, int users, Duration rampUp, ThinkTime think, Mix mix,
        boolean proxy, List<Toxic> toxics, int victims, int messageSize, P2pSpec p2p) {
    public static final int MAX_NAME = 12;

    public GroupSpec {
        toxics = List.copyOf(toxics);
    }

    /** Whether its users log in and chat, as opposed to attacking other accounts. */
    public boolean chats() {
        return victims == 0;
    }

    /** Whether its users have a UDP port, for beacons and files. */
    public boolean udp() {
        return mix.has(Behaviour::p2p);
    }

    public GroupSpec withProxy(boolean value) {
        return new GroupSpec(name, model, users, rampUp, think, mix, value, toxics, victims, messageSize, p2p);
    }

    public GroupSpec withoutNetwork() {
        return new GroupSpec(name, model, users, rampUp, think, mix, false, List.of(), victims, messageSize, p2p);
    }

    static GroupSpec parse(ConfigNode node) {
        node.allowOnly("name", "model", "users", "rate", "actions", "rampUp", "think", "mix", "network", "victims",
                "messageSize", "p2p");
        String name = node.require("name").text();
        if (!name.matches("[a-z][a-z0-9]{0," + (MAX_NAME - 1) + "}")) {
            throw node.get("name").error("use 1 to " + MAX_NAME + " lowercase letters and digits, starting with a letter");
        }
        String modelName = node.get("model").text("closed");
        LoadModel model = switch (modelName) {
            case "closed" -> {
                for (String openOnly : List.of("rate", "actions")) {
                    if (node.get(openOnly).present()) {
                        throw node.get(openOnly).error("only for the open model (model: open)");
                    }
                }
                yield new LoadModel.Closed();
            }
            case "open" -> {
                if (node.get("rampUp").present()) {
                    throw node.get("rampUp").error("only for the closed model; an open group's rate sets its load");
                }
                yield new LoadModel.Open(node.require("rate").rate(), node.get("actions").intValue(1, 10_000, 5));
            }
            default -> throw node.get("model").error("expected closed (a number of users) or open (an arrival rate)");
        };
        int users = node.require("users").intValue(1, 1_000_000);
        Mix mix = Mix.parse(node.require("mix"));
        int victims = node.get("victims").intValue(0, 10_000, 0);
        if (victims > 0 && mix.has(b -> !b.attack())) {
            throw node.get("mix").error("a group with victims only attacks them: use wrongPassword and rightPassword");
        }
        if (victims == 0 && mix.has(Behaviour::attack)) {
            throw node.get("victims").error("wrongPassword and rightPassword need victims: the accounts to attack");
        }
        if (mix.has(Behaviour::p2p) && users < 2) {
            throw node.get("users").error("beacons, files and direct messages go between the group's users: give it at least two");
        }
        if (mix.has(Behaviour::p2p) && model instanceof LoadModel.Open) {
            throw node.get("model").error("beacons, uploads, files and direct messages need the closed model: their users keep their UDP ports");
        }
        if (node.get("p2p").present() && !mix.has(b -> b.p2p() || b == Behaviour.LEAVE)) {
            throw node.get("p2p").error("only for a group whose mix has beacon, upload, sendFile, dm or leave");
        }
        if (mix.has(b -> b == Behaviour.LEAVE) && model instanceof LoadModel.Open) {
            throw node.get("mix").error("leave is for the closed model: an open group's sessions come and go already");
        }
        if (victims > 0 && model instanceof LoadModel.Open) {
            throw node.get("model").error("attackers use the closed model");
        }
        ConfigNode network = node.get("network").allowOnly("proxy", "toxics");
        List<Toxic> toxics = new ArrayList<>();
        for (ConfigNode t : network.get("toxics").items()) {
            toxics.add(Toxics.parse(t.require("type").text(), t, "type"));
        }
        boolean proxy = network.get("proxy").bool(!toxics.isEmpty());
        if (!proxy && !toxics.isEmpty()) {
            throw network.get("proxy").error("toxics need the group's proxy");
        }
        int messageSize = node.get("messageSize").intValue(48, 4096, 64);
        return new GroupSpec(name, model, users, node.get("rampUp").duration(Duration.ZERO),
                ThinkTime.parse(node.get("think")), mix, proxy, toxics, victims, messageSize, P2pSpec.parse(node.get("p2p")));
    }
}
