package chatlab.p2p.transfer;

/** Told how far a transfer has come. Called from the transfer's own threads; keep it quick. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void update(long doneBytes, long totalBytes);
}
