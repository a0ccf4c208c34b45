package chatlab.p2p.arq;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The Selective Repeat receiver: keeps segments that arrive out of order within its window,
 * hands them on in order once the gaps fill, and acknowledges every segment it holds.
 */
public final class SelectiveRepeatReceiver implements ArqReceiver {
    private final long total;
    private final int window;
    private final BitSet held;
    private long expected;

    public SelectiveRepeatReceiver(long totalSegments, int windowSize) {
        this.total = totalSegments;
        this.window = windowSize;
        this.held = new BitSet(windowSize);
    }

    private int slot(long index) {
        return (int) (index % window);
    }

    @Override
    public Outcome onData(long index) {
        if (index < expected) {
            return new Outcome(List.of(), false, expected, index); // its acknowledgement was lost: repeat it
        }
        if (index >= expected + window || index >= total) {
            return new Outcome(List.of(), false, expected, -1);
        }
        boolean fresh = !held.get(slot(index));
        held.set(slot(index));
        List<Long> deliver = new ArrayList<>();
        while (expected < total && held.get(slot(expected))) {
            held.clear(slot(expected));
            deliver.add(expected++);
        }
        return new Outcome(deliver, fresh, expected, index);
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
