package chatlab.protocol;

/** A user who logged in within a period, with their last login and whether they are online now. */
public record RecentUser(String user, String lastLogin, boolean online) {
}
