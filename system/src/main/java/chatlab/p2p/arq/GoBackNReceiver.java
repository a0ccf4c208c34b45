package chatlab.p2p.arq;

import java.util.List;

/** The Go-Back-N receiver: takes only the segment it expects, and acknowledges cumulatively. */
public final class GoBackNReceiver implements ArqReceiver {
    private final long total;
    private long expected;

    public GoBackNReceiver(long totalSegments) {
        this.total = totalSegments;
    }

    @Override
    public Outcome onData(long index) {
        if (index == expected && index < total) {
            expected++;
            return new Outcome(List.of(index), true, expected, index);
        }
        return new Outcome(List.of(), false, expected, -1);
    }

    @Override
    public long expected() {
        return expected;
    }

    @Override
    public boolean complete() {
        return expected == total;
    }
}
