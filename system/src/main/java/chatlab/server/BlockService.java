package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.store.BlockStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who blocks whom: kept in memory for fast checks on every message, and in the store. */
public final class BlockService {
    private final BlockStore store;
    private final AccountService accounts;
    /** blocked user → the users who block them. */
    private final ConcurrentHashMap<String, Set<String>> blockers = new ConcurrentHashMap<>();

    public BlockService(BlockStore store, AccountService accounts) {
        this.store = store;
        this.accounts = accounts;
        for (BlockStore.Block block : store.all()) {
            blockersOf(block.blocked()).add(block.blocker());
        }
    }

    private Set<String> blockersOf(String user) {
        return blockers.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet());
    }

    /** Blocks {@code target} for {@code blocker}; returns a message for the user. */
    public String block(String blocker, String target) {
        requireOther(blocker, target, "block");
        boolean added = store.block(blocker, target);
        blockersOf(target).add(blocker);
        return added ? target + " is blocked" : target + " was already blocked";
    }

    /** Lifts a block; returns a message for the user. */
    public String unblock(String blocker, String target) {
        requireOther(blocker, target, "unblock");
        boolean removed = store.unblock(blocker, target);
        blockersOf(target).remove(blocker);
        return removed ? target + " is unblocked" : target + " was not blocked";
    }

    /** Whether {@code viewer} blocks {@code user}. */
    public boolean blocks(String viewer, String user) {
        Set<String> set = blockers.get(user);
        return set != null && set.contains(viewer);
    }

    private void requireOther(String self, String target, String verb) {
        if (self.equals(target)) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "You cannot " + verb + " yourself");
        }
        accounts.requireExists(target);
    }
}
