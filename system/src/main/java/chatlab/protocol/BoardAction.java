package chatlab.protocol;

/** What a board request did. */
public enum BoardAction {
    POSTED, EDITED, DELETED
}
