package chatlab.p2p.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.protocol.ContactEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactLogTest {
    @TempDir
    Path dir;
    private final Instant t0 = Instant.parse("2021-02-23T15:00:00Z");
    private final Beacon a = new Beacon("11111111111111111111", "23/02/2021 15:00:00", "23/02/2021 15:14:59");
    private final Beacon b = new Beacon("22222222222222222222", "23/02/2021 15:00:10", "23/02/2021 15:15:09");

    @Test
    void keepsEntriesInTheSeedFormat() throws Exception {
        ContactLog log = new ContactLog(dir.resolve("u_contactlog.txt"), Duration.ofMinutes(3), t0);
        log.add(a, t0);
        log.add(b, t0);
        assertThat(Files.readAllLines(dir.resolve("u_contactlog.txt"))).containsExactly(
                "11111111111111111111 23/02/2021 15:00:00 23/02/2021 15:14:59",
                "22222222222222222222 23/02/2021 15:00:10 23/02/2021 15:15:09");
        ContactLog reopened = new ContactLog(dir.resolve("u_contactlog.txt"), Duration.ofMinutes(3), t0);
        assertThat(reopened.contacts()).containsExactly(new ContactEntry(a.tempId(), a.start(), a.expiry()),
                new ContactEntry(b.tempId(), b.start(), b.expiry()));
    }

    @Test
    void removesEntriesThreeMinutesAfterTheyWereHeard() throws Exception {
        ContactLog log = new ContactLog(dir.resolve("log.txt"), Duration.ofMinutes(3), t0);
        log.add(a, t0);
        log.add(b, t0.plusSeconds(60));
        assertThat(log.purge(t0.plusSeconds(179))).isEmpty();
        assertThat(log.purge(t0.plusSeconds(180))).extracting(e -> e.contact().tempId()).containsExactly(a.tempId());
        assertThat(log.contacts()).extracting(ContactEntry::tempId).containsExactly(b.tempId());
        assertThat(Files.readAllLines(dir.resolve("log.txt"))).hasSize(1);
    }

    @Test
    void hearingAnIdAgainKeepsItLonger() {
        ContactLog log = new ContactLog(dir.resolve("log.txt"), Duration.ofMinutes(3), t0);
        log.add(a, t0);
        log.add(a, t0.plusSeconds(120));
        assertThat(log.contacts()).hasSize(1);
        assertThat(log.purge(t0.plusSeconds(200))).isEmpty();
        assertThat(log.purge(t0.plusSeconds(300))).hasSize(1);
    }
}
