package chatlab.server;

import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a message or a file is for: the named users (unicast, multicast), every other user
 * (broadcast), every other user but some (blockcast), or a group's other members; split into those it reaches and those
 * who block the sender. Shared by messages and files.
 */
final class Audiences {
    /** The intended recipients the sender reaches, and those who block the sender. */
    record Split(List<String> recipients, List<String> blockedBy) {
    }

    private final AccountService accounts;
    private final BlockService blocks;
    private final GroupService groups;

    Audiences(AccountService accounts, BlockService blocks, GroupService groups) {
        this.accounts = accounts;
        this.blocks = blocks;
        this.groups = groups;
    }

    Split resolve(String sender, Audience mode, List<String> to, List<String> except, String group) {
        List<String> intended = switch (mode) {
            case UNICAST, MULTICAST -> named(sender, to);
            case BROADCAST -> everyoneBut(sender, Set.of());
            case BLOCKCAST -> everyoneBut(sender, Set.copyOf(named(sender, except)));
            case GROUP -> groups.recipients(group, sender);
        };
        List<String> recipients = new ArrayList<>(intended.size());
        List<String> blockedBy = new ArrayList<>();
        for (String user : intended) {
            (blocks.blocks(user, sender) ? blockedBy : recipients).add(user);
        }
        return new Split(recipients, blockedBy);
    }

    private List<String> named(String sender, List<String> names) {
        Set<String> distinct = new LinkedHashSet<>(names);
        List<String> unknown = new ArrayList<>(0);
        for (String name : distinct) {
            if (!accounts.exists(name)) {
                unknown.add(name);
            }
        }
        if (unknown.size() == 1) {
            accounts.requireExists(unknown.getFirst());
        } else if (!unknown.isEmpty()) {
            throw new ChatException(ErrorCode.UNKNOWN_USER, "These users do not exist: " + String.join(", ", unknown));
        }
        if (distinct.contains(sender)) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "You cannot name yourself as a recipient");
        }
        return List.copyOf(distinct);
    }

    private List<String> everyoneBut(String sender, Set<String> excluded) {
        return accounts.usernames().stream().filter(u -> !u.equals(sender) && !excluded.contains(u)).toList();
    }
}
