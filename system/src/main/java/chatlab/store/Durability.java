package chatlab.store;

/**
 * How hard a commit is pushed to disk. Both survive a killed process (kill -9): a commit is in
 * the write-ahead log before it is acknowledged. Only {@link #FULL} also survives a power cut.
 */
public enum Durability {
    /** SQLite {@code synchronous=NORMAL} in WAL mode: no fsync per commit. */
    NORMAL,
    /** SQLite {@code synchronous=FULL}: an fsync per commit. */
    FULL
}
