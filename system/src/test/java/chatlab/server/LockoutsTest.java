package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Counting failures per key: until a success (accounts), or forgotten after a quiet while (addresses). */
class LockoutsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2021-02-23T15:00:00Z"));
    private final LockoutPolicy policy = new LockoutPolicy(3, Duration.ofSeconds(10));

    @Test
    void withoutForgettingFailuresCountUntilASuccessHoweverOld() {
        Lockouts<String> accounts = new Lockouts<>(policy, clock);
        accounts.attempt("yoda", false);
        accounts.attempt("yoda", false);
        clock.advance(Duration.ofDays(1));
        assertThat(accounts.attempt("yoda", false).verdict()).isEqualTo(Lockouts.Verdict.BLOCKED_NOW);
        clock.advance(Duration.ofSeconds(10));
        assertThat(accounts.attempt("yoda", true).verdict()).isEqualTo(Lockouts.Verdict.ACCEPTED);
        assertThat(accounts.attempt("yoda", false).attemptsLeft()).isEqualTo(2);
    }

    @Test
    void forgettingStartsTheCountAgainAfterAQuietWhile() {
        Lockouts<String> addresses = new Lockouts<>(policy, clock, Duration.ofSeconds(10));
        addresses.attempt("10.0.0.1", false);
        assertThat(addresses.attempt("10.0.0.1", false).attemptsLeft()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(9));
        assertThat(addresses.attempt("10.0.0.1", false).verdict()).isEqualTo(Lockouts.Verdict.BLOCKED_NOW);
        clock.advance(Duration.ofSeconds(10));
        assertThat(addresses.blockedFor("10.0.0.1")).isZero();
        assertThat(addresses.attempt("10.0.0.1", false).attemptsLeft()).as("a fresh count").isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));
        assertThat(addresses.attempt("10.0.0.1", false).attemptsLeft()).as("forgotten again").isEqualTo(2);
    }

    @Test
    void keysThatCameAndWentAreSweptAway() {
        Lockouts<String> addresses = new Lockouts<>(policy, clock, Duration.ofSeconds(10));
        for (int i = 0; i < 1_000; i++) {
            addresses.attempt("10.0." + i / 256 + "." + i % 256, false);
        }
        assertThat(addresses.size()).isEqualTo(1_000);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 256; i++) {
            addresses.attempt("10.9.9.9", false);
        }
        assertThat(addresses.size()).as("only the address still failing").isEqualTo(1);
    }
}
