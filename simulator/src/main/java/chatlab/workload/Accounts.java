package chatlab.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts a scenario uses, named {@code <tag>-<group>-<n>}, and attackers' victims
 * {@code <tag>-<group>-v<n>}. The tag keeps runs apart on a shared server; every shard of a run
 * derives the same names from the same scenario and tag.
 */
public final class Accounts {
    public static final int MAX_TAG = 8;

    private final String tag;
    private final Map<String, List<String>> users = new HashMap<>();
    private final Map<String, List<String>> victims = new HashMap<>();
    private final List<String> chatting = new ArrayList<>();
    private final Map<String, String> groupOf = new HashMap<>();

    public Accounts(Scenario scenario, String tag) {
        if (!tag.matches("[a-z0-9]{1," + MAX_TAG + "}")) {
            throw new IllegalArgumentException("a run tag is 1 to " + MAX_TAG + " lowercase letters and digits, not '" + tag + "'");
        }
        this.tag = tag;
        for (GroupSpec g : scenario.groups()) {
            List<String> names = new ArrayList<>();
            if (g.chats()) {
                for (int i = 0; i < g.users(); i++) {
                    names.add(tag + "-" + g.name() + "-" + i);
                }
                chatting.addAll(names);
            }
            List<String> attacked = new ArrayList<>();
            for (int i = 0; i < g.victims(); i++) {
                attacked.add(tag + "-" + g.name() + "-v" + i);
            }
            users.put(g.name(), List.copyOf(names));
            victims.put(g.name(), List.copyOf(attacked));
            names.forEach(n -> groupOf.put(n, g.name()));
            attacked.forEach(n -> groupOf.put(n, g.name()));
        }
    }

    public String tag() {
        return tag;
    }

    /** Every account that logs in and chats, group by group. */
    public List<String> chatUsers() {
        return List.copyOf(chatting);
    }

    /** A chatting group's accounts (under the open model, its pool). */
    public List<String> users(String group) {
        return users.get(group);
    }

    /** The accounts an attacking group attacks. */
    public List<String> victims(String group) {
        return victims.get(group);
    }

    /** Every account the run needs: chat users, then victims. */
    public List<String> all() {
        List<String> all = new ArrayList<>(chatting);
        victims.values().forEach(all::addAll);
        return all;
    }

    public String groupOf(String user) {
        return groupOf.get(user);
    }

    public String password(String user) {
        return "pw-" + user;
    }
}
