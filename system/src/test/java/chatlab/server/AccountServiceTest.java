package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import static chatlab.testing.Outcomes.codeOf;
import chatlab.store.Database;
import chatlab.store.SqliteAccountStore;
import chatlab.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountServiceTest {
    @TempDir
    Path dir;
    private Database db;
    private final ManualClock clock = new ManualClock(Instant.parse("2021-02-23T04:00:00Z"));

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private AccountService accounts(int maxAttempts) {
        AccountService service = new AccountService(new SqliteAccountStore(db),
                new PasswordHasher(PasswordHasher.Cost.TESTING),
                new LockoutPolicy(maxAttempts, Duration.ofSeconds(10)), clock);
        service.importAccount("Yoda", "wise@!man");
        return service;
    }


    @Test
    void tellsAnUnknownUserFromAWrongPassword() {
        AccountService service = accounts(3);
        assertThatThrownBy(() -> service.login("Yoda2", "x")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_USER));
        assertThatThrownBy(() -> service.login("Yoda", "x")).isInstanceOfSatisfying(ChatException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.WRONG_PASSWORD);
            assertThat(e.getMessage()).isEqualTo("Invalid Password. Please try again");
            assertThat(e.attemptsLeft()).isEqualTo(2);
        });
        assertThatCode(() -> service.login("Yoda", "wise@!man")).doesNotThrowAnyException();
    }

    @Test
    void namesAreCaseSensitive() {
        AccountService service = accounts(3);
        assertThat(codeOf(() -> service.login("yoda", "wise@!man"))).isEqualTo(ErrorCode.UNKNOWN_USER);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void blocksAfterExactlyNConsecutiveFailures(int n) {
        AccountService service = accounts(n);
        for (int i = 1; i < n; i++) {
            int attempt = i;
            assertThatThrownBy(() -> service.login("Yoda", "bad")).isInstanceOfSatisfying(ChatException.class,
                    e -> assertThat(e.attemptsLeft()).isEqualTo(n - attempt));
        }
        assertThatThrownBy(() -> service.login("Yoda", "bad")).isInstanceOfSatisfying(ChatException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
            assertThat(e.getMessage()).isEqualTo("Invalid Password. Your account has been blocked. Please try again later");
            assertThat(e.retryAfterSeconds()).isEqualTo(10);
        });
        assertThatThrownBy(() -> service.login("Yoda", "wise@!man")).isInstanceOfSatisfying(ChatException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
            assertThat(e.getMessage()).isEqualTo("Your account is blocked due to multiple login failures. Please try again later");
        });
    }

    @Test
    void reportsTheTimeLeftAndLiftsTheBlockWhenItEnds() {
        AccountService service = accounts(1);
        assertThat(codeOf(() -> service.login("Yoda", "bad"))).isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
        clock.advance(Duration.ofMillis(6_500));
        assertThatThrownBy(() -> service.login("Yoda", "wise@!man")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(4));
        clock.advance(Duration.ofMillis(3_499));
        assertThat(codeOf(() -> service.login("Yoda", "wise@!man"))).isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
        clock.advance(Duration.ofMillis(1));
        assertThat(codeOf(() -> service.login("Yoda", "wise@!man"))).isNull();
    }

    @Test
    void attemptsDuringABlockDoNotCountAfterIt() {
        AccountService service = accounts(2);
        codeOf(() -> service.login("Yoda", "bad"));
        codeOf(() -> service.login("Yoda", "bad"));
        for (int i = 0; i < 5; i++) {
            assertThat(codeOf(() -> service.login("Yoda", "bad"))).isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
        }
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> service.login("Yoda", "bad")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.attemptsLeft()).isEqualTo(1));
    }

    @Test
    void aSuccessResetsTheCount() {
        AccountService service = accounts(3);
        codeOf(() -> service.login("Yoda", "bad"));
        codeOf(() -> service.login("Yoda", "bad"));
        assertThat(codeOf(() -> service.login("Yoda", "wise@!man"))).isNull();
        assertThatThrownBy(() -> service.login("Yoda", "bad")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.attemptsLeft()).isEqualTo(2));
    }

    @Test
    void fiftyConcurrentWrongAttemptsBlockAfterExactlyN() throws Exception {
        int n = 3;
        AccountService service = accounts(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return codeOf(() -> service.login("Yoda", "wrong"));
                }));
            }
            start.countDown();
            List<ErrorCode> codes = new ArrayList<>();
            for (Future<ErrorCode> outcome : outcomes) {
                codes.add(outcome.get());
            }
            Map<ErrorCode, Long> counts = codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.get(ErrorCode.WRONG_PASSWORD)).isEqualTo(n - 1);
            assertThat(counts.get(ErrorCode.ACCOUNT_BLOCKED)).isEqualTo(50 - (n - 1));
        }
    }

    @Test
    void refusesBadSignups() {
        AccountService service = accounts(3);
        assertThat(codeOf(() -> service.signup("Yoda", "pw"))).isEqualTo(ErrorCode.USERNAME_TAKEN);
        assertThat(codeOf(() -> service.signup("two words", "pw"))).isEqualTo(ErrorCode.INVALID_USERNAME);
        assertThat(codeOf(() -> service.signup("Luke", "tab\there"))).isEqualTo(ErrorCode.INVALID_PASSWORD);
        assertThat(codeOf(() -> service.signup("+61410666666", "kara1234"))).isNull();
        assertThat(codeOf(() -> service.login("+61410666666", "kara1234"))).isNull();
    }

    @Test
    void keepsAccountsInTheStore() {
        accounts(3).signup("Luke", "force");
        AccountService reopened = accounts(3);
        assertThat(reopened.usernames()).containsExactly("Luke", "Yoda");
        assertThat(codeOf(() -> reopened.login("Luke", "force"))).isNull();
    }
}
