package chatlab.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Named groups, their members and their invitations. A group's messages are in {@link MessageStore}. */
public interface GroupStore {
    /** A group as stored, with its member count. */
    record Group(String name, String owner, String about, boolean open, Instant createdAt, int members) {
    }

    /** A member and since when. */
    record Member(String user, Instant since) {
    }

    /** Makes a group with its owner as the first member; false if the name is taken. */
    boolean create(String name, String owner, String about, boolean open, Instant at);

    Optional<Group> find(String name);

    /** Adds a member, taking up any invitation; false if already a member. */
    boolean join(String group, String user, Instant at);

    /** Removes a member; false if not one. */
    boolean leave(String group, String user);

    boolean isMember(String group, String user);

    /** Records an invitation; false if the user was already invited. */
    boolean invite(String group, String user, String by, Instant at);

    boolean isInvited(String group, String user);

    /** The members, by name, after {@code afterUser} (null: from the first). */
    List<Member> members(String group, String afterUser, int limit);

    /** Every member's name, for delivery. */
    List<String> memberNames(String group);

    /** A group as one user sees it listed: whether they are a member. */
    record Listed(Group group, boolean member) {
    }

    /**
     * The groups {@code user} is in, was invited to, and the open ones, by name, after
     * {@code afterName} (null: from the first).
     */
    List<Listed> visibleTo(String user, String afterName, int limit);
}
