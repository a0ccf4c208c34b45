package chatlab.store;

import java.util.List;

/** Who blocks whom. */
public interface BlockStore {
    /** A blocker and the user whose messages they refuse. */
    record Block(String blocker, String blocked) {
    }

    /** Returns false if the block already existed. */
    boolean block(String blocker, String blocked);

    /** Returns false if there was no such block. */
    boolean unblock(String blocker, String blocked);

    List<Block> all();
}
