package chatlab.p2p.arq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeqSpaceTest {
    private static final long NEAR_TOP = SeqSpace.MODULUS - 3;

    @Test
    void wrapsPastTheTopToZero() {
        assertThat(SeqSpace.wrap(NEAR_TOP, 0)).isEqualTo(SeqSpace.MODULUS - 3);
        assertThat(SeqSpace.wrap(NEAR_TOP, 2)).isEqualTo(SeqSpace.MODULUS - 1);
        assertThat(SeqSpace.wrap(NEAR_TOP, 3)).isZero();
        assertThat(SeqSpace.wrap(NEAR_TOP, 10)).isEqualTo(7);
    }

    @Test
    void unwrapsToTheIndexNearestTheExpectedOne() {
        for (long index = 0; index < 20; index++) {
            long seq = SeqSpace.wrap(NEAR_TOP, index);
            for (long near = Math.max(0, index - 5); near <= index + 5; near++) {
                assertThat(SeqSpace.unwrap(NEAR_TOP, seq, near)).as("index %d near %d", index, near).isEqualTo(index);
            }
        }
    }

    @Test
    void unwrapsOldSegmentsBeforeTheWrapToo() {
        long old = SeqSpace.wrap(NEAR_TOP, 1); // before the wrap
        assertThat(SeqSpace.unwrap(NEAR_TOP, old, 6)).isEqualTo(1);
        assertThat(SeqSpace.unwrap(0, 5, 1_000)).isEqualTo(5);
    }
}
