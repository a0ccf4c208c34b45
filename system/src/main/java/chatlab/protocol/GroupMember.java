package chatlab.protocol;

/** A member of a group, and since when. */
public record GroupMember(String user, String since) {
}
