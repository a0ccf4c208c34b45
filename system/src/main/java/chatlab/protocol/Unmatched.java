package chatlab.protocol;

/** An uploaded contact the server could not trace, and why. */
public record Unmatched(String tempId, String start, String expiry, String reason) {
}
