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
    private final List<String> chatting;
    private final Map<String, Integer> chatIndex = new HashMap<>();
    private final Map<String, String> groupOf = new HashMap<>();
    private final Map<String, Integer> indexInGroup = new HashMap<>();

    public Accounts(Scenario scenario, String tag) {
        if (!tag.matches("[a-z0-9]{1," + MAX_TAG + "}")) {
            throw new IllegalArgumentException("a run tag is 1 to " + MAX_TAG + " lowercase letters and digits, not '" + tag + "'");
        }
        this.tag = tag;
        List<String> chat = new ArrayList<>();
        for (GroupSpec g : scenario.groups()) {
            List<String> names = new ArrayList<>();
            if (g.chats()) {
                for (int i = 0; i < g.users(); i++) {
                    names.add(tag + "-" + g.name() + "-" + i);
                }
                chat.addAll(names);
            }
            List<String> attacked = new ArrayList<>();
            for (int i = 0; i < g.victims(); i++) {
                attacked.add(tag + "-" + g.name() + "-v" + i);
            }
            users.put(g.name(), List.copyOf(names));
            victims.put(g.name(), List.copyOf(attacked));
            names.forEach(n -> groupOf.put(n, g.name()));
            for (int i = 0; i < names.size(); i++) {
                indexInGroup.put(names.get(i), i);
            }
            attacked.forEach(n -> groupOf.put(n, g.name()));
        }
        this.chatting = List.copyOf(chat);
        for (int i = 0; i < chatting.size(); i++) {
            chatIndex.put(chatting.get(i), i);
        }
    }

    public String tag() {
        return tag;
    }

    /** Every account that logs in and chats, group by group: one shared list. */
    public List<String> chatUsers() {
        return chatting;
    }

    /** A chatting account's place in {@link #chatUsers()}, or -1. */
    public int chatIndex(String user) {
        return chatIndex.getOrDefault(user, -1);
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

    /** A chatting account's place in its group's {@link #users}, or -1. */
    public int indexInGroup(String user) {
        return indexInGroup.getOrDefault(user, -1);
    }

    public String groupOf(String user) {
        return groupOf.get(user);
    }

    /**
     * The named chat group of a load group's users ({@code <tag>-<group>}), which every chatting
     * user of the load group joins before the load; what the {@code group} behaviour writes to.
     */
    public String chatGroup(String loadGroup) {
        return tag + "-" + loadGroup;
    }

    /** Every chat group and its members: each chatting load group's users. */
    public Map<String, List<String>> chatGroups() {
        Map<String, List<String>> groups = new HashMap<>();
        users.forEach((loadGroup, names) -> {
            if (!names.isEmpty()) {
                groups.put(chatGroup(loadGroup), names);
            }
        });
        return groups;
    }

    public String password(String user) {
        return "pw-" + user;
    }
}
