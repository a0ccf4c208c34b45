package chatlab.protocol;

/**
 * A named group: who made it, whether anyone may join ({@code open}) or only those invited, how
 * many members it has, and whether the caller is one.
 */
public record GroupInfo(String name, String about, String owner, boolean open, int members, boolean member,
        String createdAt) {
}
