package chatlab.protocol;

/**
 * A chat message as kept by the server, for a group's history and for search: {@code group} is
 * set for a group message, {@code format} only for markdown, and {@code snippet} (search only) is
 * the matching part of the text with the matched words marked by {@code [} and {@code ]}.
 * Board posts found by search have mode {@code board} and their board {@code number}.
 */
public record StoredMessage(long messageId, String from, String mode, String group, String text, TextFormat format,
        String sentAt, String snippet, Integer number) {
}
