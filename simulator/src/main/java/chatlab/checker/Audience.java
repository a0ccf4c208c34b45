package chatlab.checker;

import chatlab.history.Event;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whom a chat message is for: the named users (unicast, multicast), or every other chatting
 * user (broadcast), or all but the excluded (blockcast), or the other members of a named group,
 * less those who block the sender. The
 * delivery checker's rule, shared with the simulator's live count of deliveries in flight.
 */
public final class Audience {
    private final List<String> all;
    private final Set<String> users;
    private final Set<String> blocks;
    private final java.util.Map<String, List<String>> groups;

    /**
     * {@code blocks} holds {@link #pair(String, String)}s, and may grow as the history is read;
     * {@code groups} names each chat group's members.
     */
    public Audience(List<String> chatUsers, Set<String> blocks, java.util.Map<String, List<String>> groups) {
        this.all = List.copyOf(chatUsers);
        this.users = new HashSet<>(chatUsers);
        this.blocks = blocks;
        this.groups = java.util.Map.copyOf(groups);
    }

    public Audience(List<String> chatUsers, Set<String> blocks) {
        this(chatUsers, blocks, java.util.Map.of());
    }

    private List<String> members(String group) {
        return group == null ? List.of() : groups.getOrDefault(group, List.of());
    }

    /** The key of "{@code blocker} blocks {@code blocked}" in the block set. */
    public static String pair(String blocker, String blocked) {
        return blocker + "\u0000" + blocked;
    }

    public boolean blocks(String blocker, String blocked) {
        return blocks.contains(pair(blocker, blocked));
    }

    /** Whether {@code recipient} is meant to get {@code chat} from {@code sender}. */
    public boolean intended(Event.Chat chat, String sender, String recipient) {
        if (recipient.equals(sender) || !users.contains(recipient) || blocks(recipient, sender)) {
            return false;
        }
        return switch (chat.mode()) {
            case "unicast", "multicast" -> chat.to().contains(recipient);
            case "blockcast" -> !chat.except().contains(recipient);
            case "group" -> members(chat.group()).contains(recipient);
            default -> true;
        };
    }

    /** Everyone meant to get {@code chat} from {@code sender}. */
    public List<String> recipients(Event.Chat chat, String sender) {
        boolean named = chat.mode().equals("unicast") || chat.mode().equals("multicast");
        List<String> out = new ArrayList<>();
        for (String r : named ? chat.to() : chat.mode().equals("group") ? members(chat.group()) : all) {
            if (intended(chat, sender, r)) {
                out.add(r);
            }
        }
        return out;
    }
}
