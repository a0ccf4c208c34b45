package chatlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CarriersTest {

    @Test
    void theServerGetsHalfTheCoresAndTheLoadTheRestEachAtLeastOne() {
        assertThat(Carriers.serverShare(1)).isEqualTo(1);
        assertThat(Carriers.loadShare(1)).isEqualTo(1);
        assertThat(Carriers.serverShare(2)).isEqualTo(1);
        assertThat(Carriers.loadShare(2)).isEqualTo(1);
        assertThat(Carriers.serverShare(3)).isEqualTo(1);
        assertThat(Carriers.loadShare(3)).isEqualTo(2);
        assertThat(Carriers.serverShare(8)).isEqualTo(4);
        assertThat(Carriers.loadShare(8)).isEqualTo(4);
    }

    @Test
    void aCountOutOfRangeIsRefusedByName() {
        assertThatThrownBy(() -> Carriers.check(0, "--carriers")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--carriers takes a number of threads from 1 to 256, not 0");
        assertThatThrownBy(() -> Carriers.check(257, "--server-carriers")).hasMessageContaining("--server-carriers");
        assertThatThrownBy(() -> Carriers.use(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSettingAfterTheVirtualThreadsRunChangesNothingAndSaysSo() throws Exception {
        Thread.ofVirtual().start(() -> { }).join(); // this JVM's scheduler runs from here on
        int before = Carriers.current();
        String property = System.getProperty(Carriers.PROPERTY);
        int other = before == 1 ? 2 : 1;
        assertThat(Carriers.use(other)).as("too late to change").isFalse();
        assertThat(System.getProperty(Carriers.PROPERTY)).isEqualTo(property);
        assertThat(Carriers.current()).isEqualTo(before);
        assertThat(Carriers.use(null)).isTrue();
    }
}
