package chatlab.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockoutCheckerTest {
    private static final CheckContext RULE = new CheckContext(List.of(), 3, Duration.ofSeconds(10));
    private static final long S = 1_000_000;

    private static Verdict check(HistoryBuilder h) {
        return new LockoutChecker().check(h.build(), RULE);
    }

    /** Two failures, the third blocks: attempts 0-3 of every case below. */
    private static HistoryBuilder blockedAtOneSecond() {
        return new HistoryBuilder()
                .attempt("x", "v", false, 0, 100_000, "wrong_password", 2)
                .attempt("x", "v", false, 200_000, 300_000, "wrong_password", 1)
                .attempt("x", "v", false, 1 * S, 1 * S + 100_000, "account_blocked", 0);
    }

    @Test
    void nFailuresBlockForTheDurationThenTheRightPasswordWorks() {
        Verdict v = check(blockedAtOneSecond()
                .attempt("x", "v", true, 3 * S, 3 * S + 100_000, "account_blocked", null)
                .attempt("x", "v", false, 5 * S, 5 * S + 100_000, "account_blocked", null)
                .attempt("x", "v", true, 12 * S, 12 * S + 100_000, null, null)
                .attempt("x", "v", false, 13 * S, 13 * S + 100_000, "wrong_password", 2));
        assertThat(v.validity()).isEqualTo(Validity.VALID);
        assertThat(v.counts()).containsEntry("blocks", 1L).containsEntry("attempts", 7L);
    }

    @Test
    void nFailuresWithoutABlockAreInvalid() {
        Verdict v = check(new HistoryBuilder()
                .attempt("x", "v", false, 0, 100_000, "wrong_password", 2)
                .attempt("x", "v", false, 200_000, 300_000, "wrong_password", 1)
                .attempt("x", "v", false, 400_000, 500_000, "wrong_password", 1));
        assertThat(v.validity()).isEqualTo(Validity.INVALID);
        assertThat(v.counts()).containsEntry("not blocked", 1L);
    }

    @Test
    void theRightPasswordDuringTheBlockMustNotGetIn() {
        Verdict v = check(blockedAtOneSecond().attempt("x", "v", true, 3 * S, 3 * S + 100_000, null, null));
        assertThat(v.counts()).containsEntry("let in while blocked", 1L);
    }

    @Test
    void aBlockMustNotOutlastItsDuration() {
        Verdict v = check(blockedAtOneSecond().attempt("x", "v", true, 30 * S, 30 * S + 100_000, "account_blocked", null));
        assertThat(v.counts()).containsEntry("blocked without cause", 1L);
    }

    @Test
    void failuresDuringTheBlockDoNotCount() {
        Verdict v = check(blockedAtOneSecond().attempt("x", "v", false, 4 * S, 4 * S + 100_000, "wrong_password", 2));
        assertThat(v.counts()).containsEntry("counted while blocked", 1L);
    }

    @Test
    void blockingTooEarlyIsInvalid() {
        Verdict v = check(new HistoryBuilder()
                .attempt("x", "v", false, 0, 100_000, "wrong_password", 2)
                .attempt("x", "v", false, 200_000, 300_000, "account_blocked", 0));
        assertThat(v.counts()).containsEntry("blocked early", 1L);
    }

    @Test
    void attemptsLeftOutsideTheRangeAreInvalid() {
        Verdict v = check(new HistoryBuilder().attempt("x", "v", false, 0, 100_000, "wrong_password", 5));
        assertThat(v.counts()).containsEntry("bad count", 1L);
    }

    @Test
    void overlappingAttemptsAreJudgedOnlyWhereTheOrderIsCertain() {
        // two attackers at once: the server's order is unknown, so the run of failures is not counted
        Verdict v = check(new HistoryBuilder()
                .attempt("x", "v", false, 0, 300_000, "wrong_password", 1)
                .attempt("y", "v", false, 100_000, 200_000, "wrong_password", 2)
                .attempt("x", "v", false, 400_000, 500_000, "account_blocked", 0));
        assertThat(v.validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void noAttackIsUnknown() {
        assertThat(check(new HistoryBuilder().login("alice")).validity()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void aKilledServerForgetsItsBlocksSoTheRightPasswordGetsInAfterTheRestart() {
        Verdict v = check(blockedAtOneSecond().at(2 * S).fault(0, "kill", "start").at(3 * S).fault(0, "kill", "stop")
                .attempt("x", "v", true, 4 * S, 4 * S + 100_000, null, null));
        assertThat(v.validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void aBlockAfterARestartNeedsACauseOfItsOwn() {
        Verdict v = check(blockedAtOneSecond().at(2 * S).fault(0, "kill", "start").at(3 * S).fault(0, "kill", "stop")
                .attempt("x", "v", true, 4 * S, 4 * S + 100_000, "account_blocked", null));
        assertThat(v.counts()).containsEntry("blocked without cause", 1L);
    }

    @Test
    void failuresBeforeARestartDoNotCountAfterIt() {
        Verdict v = check(new HistoryBuilder()
                .attempt("x", "v", false, 0, 100_000, "wrong_password", 2)
                .attempt("x", "v", false, 200_000, 300_000, "wrong_password", 1)
                .at(1 * S).fault(0, "kill", "start").at(2 * S).fault(0, "kill", "stop")
                .attempt("x", "v", false, 3 * S, 3 * S + 100_000, "wrong_password", 2)
                .attempt("x", "v", false, 3 * S + 200_000, 3 * S + 300_000, "wrong_password", 1)
                .attempt("x", "v", false, 3 * S + 400_000, 3 * S + 500_000, "account_blocked", 0));
        assertThat(v.validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void aPauseForgetsNothing() {
        Verdict v = check(blockedAtOneSecond().at(2 * S).fault(0, "pause", "start").at(3 * S).fault(0, "pause", "stop")
                .attempt("x", "v", true, 4 * S, 4 * S + 100_000, null, null));
        assertThat(v.counts()).containsEntry("let in while blocked", 1L);
    }

    @Test
    void aKillRightAfterAnAnswerLeavesTheCountUnknownRatherThanCarriedOver() {
        // the kill came 70 ms after a counted failure: within the clocks' slack, so the server may or may not have
        // counted it before it died; after the restart two more failures are not three in a row
        Verdict v = check(new HistoryBuilder()
                .attempt("x", "v", false, 0, 100_000, "wrong_password", 2)
                .at(170_000).fault(0, "kill", "start")
                .attempt("x", "v", false, 500_000, 510_000, "server_unreachable", null)
                .at(2 * S).fault(0, "kill", "stop")
                .attempt("x", "v", false, 3 * S, 3 * S + 100_000, "wrong_password", 2)
                .attempt("x", "v", false, 3 * S + 200_000, 3 * S + 300_000, "wrong_password", 1));
        assertThat(v.validity()).isEqualTo(Validity.VALID);
    }
}
