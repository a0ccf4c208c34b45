package chatlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.protocol.ActiveUser;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.testing.RawClient;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Signing up, logging in and out, and the lockout. */
public final class AccountSteps {
    private final World world;
    private final List<ErrorCode> concurrentOutcomes = new ArrayList<>();

    public AccountSteps(World world) {
        this.world = world;
    }

    @Given("{word} has an account with password {string}")
    public void hasAccountWithPassword(String name, String password) {
        Actor actor = world.actor(name);
        actor.password = password;
        signUp(actor);
    }

    @Given("{names} have accounts")
    public void haveAccounts(List<String> names) {
        names.forEach(name -> signUp(world.actor(name)));
    }

    @Given("{word} has an account")
    public void hasAccount(String name) {
        signUp(world.actor(name));
    }

    /** Creates the actor's account through the protocol, once. */
    static void signUp(World world, Actor actor) {
        if (actor.hasAccount) {
            return;
        }
        try (ChatClient client = world.connect(actor, new chatlab.testing.Recorder())) {
            ChatClient.await(client.signup(actor.user, actor.password));
        }
        actor.hasAccount = true;
    }

    private void signUp(Actor actor) {
        signUp(world, actor);
    }

    @Given("{word} is logged in")
    public void isLoggedIn(String name) {
        areLoggedIn(List.of(name));
    }

    @Given("{names} are logged in")
    public void areLoggedIn(List<String> names) {
        for (String name : names) {
            Actor actor = world.actor(name);
            signUp(actor);
            actor.logIn();
            assertThat(actor.lastError).as("%s logs in", name).isNull();
        }
    }

    @Given("{word} is connected but not logged in")
    public void connectedOnly(String name) {
        world.actor(name).client();
    }

    @When("{word} signs up with password {string}")
    public void signsUp(String name, String password) {
        Actor actor = world.actor(name);
        actor.password = password;
        actor.attempt(() -> actor.client().signup(actor.user, password));
        actor.hasAccount = actor.lastError == null;
    }

    @When("{word} signs up again")
    public void signsUpAgain(String name) {
        Actor actor = world.actor(name);
        actor.attempt(() -> actor.client().signup(actor.user, actor.password));
    }

    @When("{word} logs in with password {string}")
    public void logsInWith(String name, String password) {
        Actor actor = world.actor(name);
        actor.attempt(() -> actor.client().login(actor.user, password, null));
    }

    @When("{word} logs in")
    public void logsIn(String name) {
        world.actor(name).logIn();
    }

    @When("{word} logs in again from another client")
    public void logsInAgain(String name) {
        Actor actor = world.actor(name);
        ChatClient other = actor.anotherClient();
        try {
            actor.attempt(() -> other.login(actor.user, actor.password, null));
        } finally {
            other.close();
        }
    }

    @When("{word} logs out")
    public void logsOut(String name) {
        Actor actor = world.actor(name);
        actor.must(() -> actor.client().logout());
    }

    @Then("{word} can log in with password {string}")
    public void canLogIn(String name, String password) {
        Actor actor = world.actor(name);
        ChatClient fresh = actor.anotherClient();
        try {
            ServerMessage.LoggedIn loggedIn = ChatClient.await(fresh.login(actor.user, password, null));
            assertThat(loggedIn.user()).isEqualTo(actor.user);
            ChatClient.await(fresh.logout());
        } finally {
            fresh.close();
        }
    }

    @Then("{word} is welcomed with {string}")
    public void isWelcomed(String name, String welcome) {
        Actor actor = world.actor(name);
        assertThat(actor.lastError).isNull();
        assertThat(actor.lastResult).isInstanceOfSatisfying(ServerMessage.LoggedIn.class,
                loggedIn -> assertThat(loggedIn.message()).isEqualTo(welcome));
    }

    @Then("{word} is told goodbye")
    public void isToldGoodbye(String name) {
        Actor actor = world.actor(name);
        assertThat(CommonSteps.messageOf(actor)).isEqualTo("Bye, " + actor.user + "!");
    }

    @Then("{word} does not see {word} among the active users")
    public void doesNotSee(String viewer, String name) {
        assertThat(activeUsers(viewer)).doesNotContain(world.actor(name).user);
    }

    @Then("{word} sees {word} among the active users")
    public void sees(String viewer, String name) {
        assertThat(activeUsers(viewer)).contains(world.actor(name).user);
    }

    private List<String> activeUsers(String viewer) {
        Actor actor = world.actor(viewer);
        return actor.must(() -> actor.client().who()).stream().map(ActiveUser::user).toList();
    }

    // ---- lockout

    @Given("the server blocks an account for {int} seconds after {int} failed login(s)")
    public void lockoutPolicy(int seconds, int attempts) {
        world.configureLockout(attempts, Duration.ofSeconds(seconds));
    }

    @When("{word} fails to log in {int} times")
    public void failsTimes(String name, int times) {
        Actor actor = world.actor(name);
        for (int i = 0; i < times; i++) {
            int attempt = i;
            actor.attempt(() -> actor.client().login(actor.user, "wrong-" + attempt, null));
            assertThat(actor.lastError).as("attempt %d with a wrong password", i + 1).isNotNull();
        }
    }

    @When("{word} fails to log in once")
    public void failsOnce(String name) {
        failsTimes(name, 1);
    }

    @When("{word} fails to log in as many times as the server allows")
    public void failsAllowed(String name) {
        failsTimes(name, world.maxAttempts());
    }

    @When("{word} fails to log in one time fewer than the server allows")
    public void failsOneFewer(String name) {
        failsTimes(name, world.maxAttempts() - 1);
    }

    @Then("{word} has one attempt fewer left than the server allows")
    public void attemptsLeft(String name) {
        assertThat(world.actor(name).lastError.attemptsLeft()).isEqualTo(world.maxAttempts() - 1);
    }

    @Then("{word} cannot log in with password {string} while the block lasts")
    public void blocked(String name, String password) {
        logsInWith(name, password);
        Actor actor = world.actor(name);
        assertThat(actor.lastError).isNotNull();
        assertThat(actor.lastError.code()).isEqualTo(ErrorCode.ACCOUNT_BLOCKED);
        assertThat(actor.lastError.getMessage())
                .isEqualTo("Your account is blocked due to multiple login failures. Please try again later");
        assertThat(actor.lastError.retryAfterSeconds()).isPositive();
    }

    @Then("{word} is told to retry in {int} second(s)")
    public void retryIn(String name, int seconds) {
        assertThat(world.actor(name).lastError.retryAfterSeconds()).isEqualTo(seconds);
    }

    @Then("{word} cannot log in with password {string} from another address either")
    public void blockedElsewhere(String name, String password) throws Exception {
        Actor actor = world.actor(name);
        try (RawClient elsewhere = new RawClient(world.serverPort(), InetAddress.getByName("127.0.0.2"), world.security())) {
            elsewhere.send("{\"type\":\"hello\",\"id\":1,\"version\":1}");
            elsewhere.send("{\"type\":\"login\",\"id\":2,\"user\":\"" + actor.user + "\",\"password\":\"" + password + "\"}");
            assertThat(elsewhere.awaitResponse(2)).isInstanceOfSatisfying(ServerMessage.Error.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.ACCOUNT_BLOCKED));
        }
    }

    @When("{int} second(s) pass")
    @When("{int} more second(s) pass(es)")
    public void secondsPass(int seconds) {
        world.advance(Duration.ofSeconds(seconds));
    }

    @When("{int} clients try a wrong password for {word} at the same moment")
    public void concurrentAttempts(int clients, String name) {
        Actor actor = world.actor(name);
        List<ChatClient> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(actor.anotherClient());
            }
            List<CompletableFuture<ServerMessage.LoggedIn>> attempts = connections.stream()
                    .map(c -> c.login(actor.user, "wrong", null)).toList();
            for (CompletableFuture<ServerMessage.LoggedIn> attempt : attempts) {
                concurrentOutcomes.add(chatlab.testing.Outcomes.codeOf(attempt));
            }
        } finally {
            connections.forEach(ChatClient::close);
        }
    }

    @Then("exactly the allowed number of them count before the account is blocked")
    public void countedExactly() {
        long wrong = concurrentOutcomes.stream().filter(c -> c == ErrorCode.WRONG_PASSWORD).count();
        long blocked = concurrentOutcomes.stream().filter(c -> c == ErrorCode.ACCOUNT_BLOCKED).count();
        assertThat(wrong).isEqualTo(world.maxAttempts() - 1);
        assertThat(blocked).isEqualTo(concurrentOutcomes.size() - wrong);
    }
}
