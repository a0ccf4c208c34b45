package chatlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.client.ChatClient;
import chatlab.protocol.Audience;
import chatlab.protocol.TextFormat;
import chatlab.protocol.UserStatus;
import chatlab.testing.Browsers;
import chatlab.testing.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web client end to end in a real browser, run once per browser by its subclasses: a real
 * chat server on 127.0.0.1, the web client in this process, and two browser sessions (alice and
 * bob, each with its own cookie jar) signed in to the same web client. Tests run in order and
 * build on each other's conversations; each waits with a deadline, never a fixed sleep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserTestBase {
    static final Duration WAIT = Duration.ofSeconds(15);
    /** Where {@code -Dchatlab.screenshots=DIR} asks the pages to be saved, for the README. */
    static final String SCREENSHOTS = System.getProperty("chatlab.screenshots");

    @TempDir
    static Path dir;
    WebFixture fixture;
    WebDriver alice;
    WebDriver bob;

    abstract Browsers browser();

    @BeforeAll
    void start() throws Exception {
        browser().require();
        // the browsers start while the servers do: each takes seconds
        var first = java.util.concurrent.CompletableFuture.supplyAsync(browser()::start);
        var second = java.util.concurrent.CompletableFuture.supplyAsync(browser()::start);
        try {
            // a slow refill, so that a burst of clicks meets the limit however slowly this machine serves them
            fixture = WebFixture.start(dir, 2, 30);
        } finally {
            try {
                alice = first.join();
            } finally {
                bob = second.join();
            }
        }
        signUp(alice, "alice", "pass-alice");
    }

    @AfterAll
    void stop() {
        for (WebDriver driver : new WebDriver[] {alice, bob}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(10)
    void presenceIsSeenLive() {
        signUp(bob, "bob", "pass-bob");
        waitFor(alice, By.cssSelector("#online li[data-user='bob']"));
        waitFor(bob, By.cssSelector("#online li[data-user='alice']"));

        fixture.server.signup("carol", "pass-carol");
        ChatClient carol = fixture.server.login("carol", "pass-carol", new Recorder());
        waitFor(alice, By.cssSelector("#online li[data-user='carol']"));
        waitFor(bob, By.cssSelector("#online li[data-user='carol']"));
        ChatClient.await(carol.logout());
        carol.close();
        new WebDriverWait(alice, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#online li[data-user='carol']")));
        new WebDriverWait(bob, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#online li[data-user='carol']")));
        assertThat(texts(alice, "#online li .name")).containsExactly("bob");
    }

    @Test
    @Order(20)
    void twoUsersChatLive() {
        click(alice, By.cssSelector("#online li[data-user='bob']"));
        waitForText(alice, By.id("title"), "bob");
        say(alice, "hello **bob**");
        // bob sees the conversation appear, with a badge, without reloading
        WebElement conversation = waitFor(bob, By.cssSelector("#conversations li[data-key='@alice'] .badge"));
        assertThat(conversation.getText()).isEqualTo("1");
        click(bob, By.cssSelector("#conversations li[data-key='@alice']"));
        WebElement bold = waitFor(bob, By.cssSelector("#messages li.message[data-from='alice'] .body strong"));
        assertThat(bold.getText()).isEqualTo("bob");
        say(bob, "hi _alice_");
        WebElement em = waitFor(alice, By.cssSelector("#messages li.message[data-from='bob'] .body em"));
        assertThat(em.getText()).isEqualTo("alice");
        assertThat(texts(alice, "#messages li.message .body")).containsExactly("hello bob", "hi alice");
    }

    @Test
    @Order(30)
    void hostileMarkdownIsNeutralisedInTheRealDom() {
        String hostile = String.join("\n\n",
                "<script>window.__pwned = 1</script>",
                "<img src=x onerror=\"window.__pwned = 2\">",
                "[click me](javascript:window.__pwned=3)",
                "<svg onload=\"window.__pwned = 4\"></svg> ![pixel](https://tracker.example/p.png)",
                "<a href=\"javascript:window.__pwned=5\">raw link</a> [ok](https://example.org)",
                "**end of hostile**");
        say(alice, hostile);
        WebElement message = waitFor(bob, By.xpath("//li[contains(@class,'message')][.//strong[text()='end of hostile']]"));
        assertThat(js(bob, "return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(js(alice, "return typeof window.__pwned")).isEqualTo("undefined");
        for (WebDriver driver : List.of(alice, bob)) {
            assertThat(driver.findElements(By.cssSelector("#messages script, #messages svg, #messages iframe, "
                    + "#messages img:not(.file img), #messages [onerror], #messages [onload], #messages [onclick]")))
                    .isEmpty();
            Object hrefs = js(driver, "return [...document.querySelectorAll('#messages a[href]')]"
                    + ".map(a => a.getAttribute('href'))");
            assertThat((List<?>) hrefs).isNotEmpty().allSatisfy(h -> assertThat(h.toString()).matches("https?://.*"));
        }
        // the hostile markup is shown as text, and the forbidden link keeps only its words
        assertThat(message.getText()).contains("<script>window.__pwned = 1</script>", "click me", "[image: pixel]");
        WebElement click = message.findElement(By.xpath(".//p[contains(., 'click me')]"));
        assertThat(click.findElements(By.tagName("a"))).isEmpty();
        click.click();
        assertThat(js(bob, "return typeof window.__pwned")).isEqualTo("undefined");
    }

    @Test
    @Order(40)
    void anImageSentPeerToPeerIsShownInline() throws Exception {
        Path png = Files.write(dir.resolve("sunset-" + browser().name().toLowerCase() + ".png"), TestImages.png(160, 120));
        WebElement input = alice.findElement(By.id("file"));
        input.sendKeys(png.toString());
        for (WebDriver driver : List.of(bob, alice)) {
            WebElement image = waitFor(driver, By.cssSelector("#messages .file.image img"));
            new WebDriverWait(driver, WAIT).until(d -> ((Number) js(d,
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0", image)).intValue() == 160);
            assertThat(driver.findElement(By.cssSelector("#messages .file.image .download")).getText())
                    .startsWith(png.getFileName().toString());
        }
        // received files are listed too, each with who sent it
        click(bob, By.cssSelector("#conversations li[data-key='files']"));
        WebElement listed = waitFor(bob, By.cssSelector("#messages li.message[data-from='alice'] .file.image img"));
        assertThat(listed.getAttribute("alt")).isEqualTo(png.getFileName().toString());
        assertThat(bob.findElement(By.id("composer")).isDisplayed()).isFalse();
        click(bob, By.cssSelector("#conversations li[data-key='@alice']"));
        waitFor(bob, By.cssSelector("#messages .file.image img"));
    }

    @Test
    @Order(45)
    void aSoundSentPeerToPeerPlaysInAnAudioElement() throws Exception {
        Path wav = Files.write(dir.resolve("tone.wav"), TestImages.wav(0.5));
        alice.findElement(By.id("file")).sendKeys(wav.toString());
        WebElement audio = waitFor(bob, By.cssSelector("#messages .file.audio audio"));
        assertThat(audio.getAttribute("controls")).isNotNull();
        // the browser reads the sound's length from the file served to it: about half a second
        new WebDriverWait(bob, WAIT).until(d -> ((Number) js(d,
                "return arguments[0].readyState >= 1 ? arguments[0].duration : 0", audio)).doubleValue() > 0.4);
    }

    @Test
    @Order(50)
    void twoSessionsInOneWebClientAreIsolated() {
        ChatClient carol = fixture.server.login("carol", "pass-carol", new Recorder());
        ChatClient.await(carol.unicast("alice", "only for *alice*"));
        waitFor(alice, By.cssSelector("#conversations li[data-key='@carol'] .badge"));
        String state = (String) fetch(bob, "GET", "/api/state", null, true).get("text");
        assertThat(state).contains("\"user\":\"bob\"").doesNotContain("only for").doesNotContain("@carol");
        assertThat(bob.findElement(By.tagName("body")).getText()).doesNotContain("only for");
        // alice's image, even with its id, is not bob's to fetch
        String id = alice.findElement(By.cssSelector("#messages .file.image")).getAttribute("data-file");
        Map<String, Object> stolen = fetch(bob, "GET", "/api/files/" + id, null, true);
        assertThat(((Number) stolen.get("status")).intValue()).isEqualTo(404);
        assertThat((String) stolen.get("text")).contains("\"code\":\"not_found\"");
        ChatClient.await(carol.logout());
        carol.close();
    }

    @Test
    @Order(60)
    void aPostWithoutTheCsrfTokenIsRefused() {
        Map<String, Object> forged = fetch(bob, "POST", "/api/messages",
                "{\"conversation\":\"@alice\",\"text\":\"forged\"}", false);
        assertThat(((Number) forged.get("status")).intValue()).isEqualTo(403);
        assertThat((String) forged.get("text")).contains("\"code\":\"csrf_failed\"");
        String aliceState = (String) fetch(alice, "GET", "/api/state", null, true).get("text");
        assertThat(aliceState).doesNotContain("forged");
    }

    @Test
    @Order(61)
    void aPlainMessageIsShownAsTextAndAMarkdownOneRendered() {
        ChatClient carol = fixture.server.login("carol", "pass-carol", new Recorder());
        ChatClient.await(carol.unicast("alice", "plain **stars** <b>stay</b>\nas typed"));
        ChatClient.await(carol.send(Audience.UNICAST, List.of("alice"), "markdown **bold** here", null,
                TextFormat.MARKDOWN));
        click(alice, By.cssSelector("#conversations li[data-key='@carol']"));
        WebElement bold = waitFor(alice, By.cssSelector("#messages li.message[data-format='markdown'] .body strong"));
        assertThat(bold.getText()).isEqualTo("bold");
        WebElement plain = alice.findElement(By.xpath("//li[contains(@class,'message')][@data-format='plain']"
                + "[contains(., 'plain')]//div[contains(@class,'body')]"));
        assertThat(plain.getText()).isEqualTo("plain **stars** <b>stay</b>\nas typed");
        assertThat(plain.findElements(By.cssSelector("strong, b"))).isEmpty();
        ChatClient.await(carol.logout());
        carol.close();
    }

    @Test
    @Order(62)
    void aStatusChangeIsSeenLiveByTheOtherBrowser() {
        bob.findElement(By.id("status-text")).sendKeys("back at 3");
        new Select(bob.findElement(By.id("status"))).selectByValue("away");
        By bobOnline = By.cssSelector("#online li[data-user='bob']");
        waitForStatus(alice, "bob", "away");
        assertThat(alice.findElement(bobOnline).getText()).contains("away", "back at 3");
        bob.findElement(By.id("status-text")).clear();
        new Select(bob.findElement(By.id("status"))).selectByValue("online");
        waitForStatus(alice, "bob", "online");
        assertThat(alice.findElement(bobOnline).getText()).doesNotContain("back at 3");
    }

    @Test
    @Order(63)
    void doNotDisturbShowsTheMessageWithoutNotifying() {
        click(bob, By.cssSelector("#conversations li[data-key='broadcast']"));
        new Select(bob.findElement(By.id("status"))).selectByValue("dnd");
        By bobOnline = By.cssSelector("#online li[data-user='bob']");
        waitForStatus(alice, "bob", "dnd");
        ChatClient carol = fixture.server.login("carol", "pass-carol", new Recorder());
        ChatClient.await(carol.unicast("bob", "quiet one"));
        WebElement conversation = waitFor(bob, By.cssSelector("#conversations li[data-key='@carol']"));
        assertThat(conversation.findElements(By.className("badge"))).isEmpty();
        assertThat(bob.getTitle()).isEqualTo("chatlab");
        new Select(bob.findElement(By.id("status"))).selectByValue("online");
        waitForStatus(alice, "bob", "online");
        ChatClient.await(carol.unicast("bob", "loud one"));
        // only the message that came after do-not-disturb notifies
        WebElement badge = waitFor(bob, By.cssSelector("#conversations li[data-key='@carol'] .badge"));
        assertThat(badge.getText()).isEqualTo("1");
        new WebDriverWait(bob, WAIT).until(ExpectedConditions.titleIs("(1) chatlab"));
        click(bob, By.cssSelector("#conversations li[data-key='@carol']"));
        waitFor(bob, By.xpath("//li[contains(@class,'message')][contains(., 'loud one')]"));
        assertThat(texts(bob, "#messages li.message .body")).containsExactly("quiet one", "loud one");
        assertThat(bob.findElements(By.cssSelector("#messages li.message.silent"))).hasSize(1);
        new WebDriverWait(bob, WAIT).until(ExpectedConditions.titleIs("chatlab"));
        ChatClient.await(carol.logout());
        carol.close();
    }

    @Test
    @Order(64)
    void idleIsSetAfterASpellWithoutInputAndClearedByInput() {
        By bobOnline = By.cssSelector("#online li[data-user='bob']");
        fixture.web.idleAfter(Duration.ofSeconds(1));
        try {
            bob.navigate().refresh();
            waitFor(bob, By.id("me-name"));
            waitForStatus(alice, "bob", "idle");
            assertThat(new Select(bob.findElement(By.id("status"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("idle");
            bob.findElement(By.id("search")).sendKeys("x"); // the user is back
            waitForStatus(alice, "bob", "online");
        } finally {
            fixture.web.idleAfter(WebConfig.DEFAULT_IDLE_AFTER);
        }
        bob.navigate().refresh();
        waitFor(bob, By.id("me-name"));
        bob.findElement(By.id("search")).clear();
        new Select(bob.findElement(By.id("status"))).selectByValue("online"); // however the race went
        waitForStatus(alice, "bob", "online");
    }

    @Test
    @Order(65)
    void aProfileEditIsSeenByOthersLive() throws Exception {
        click(bob, By.id("me-open"));
        waitForText(bob, By.id("title"), "Your profile");
        Path tooBig = Files.write(dir.resolve("huge.png"), java.util.Arrays.copyOf(TestImages.png(8, 8), 40 * 1024));
        Path notAnImage = Files.write(dir.resolve("face.png"), "<svg onload=alert(1)>".getBytes());
        bob.findElement(By.id("profile-avatar-file")).sendKeys(tooBig.toString());
        new WebDriverWait(bob, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-error"),
                "avatar_too_large"));
        bob.findElement(By.id("profile-avatar-file")).sendKeys(notAnImage.toString());
        new WebDriverWait(bob, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-error"),
                "unsupported_media_type"));
        Path face = Files.write(dir.resolve("bob.png"), TestImages.png(64, 64));
        bob.findElement(By.id("profile-avatar-file")).sendKeys(face.toString());
        waitForText(bob, By.id("profile-saved"), "Avatar saved.");
        WebElement name = bob.findElement(By.id("profile-display-name"));
        name.clear();
        name.sendKeys("Bob Builder");
        bob.findElement(By.id("profile-about-input")).sendKeys("Fixes <i>things</i>, mostly routers.");
        bob.findElement(By.id("profile-save")).click();
        waitForText(bob, By.id("profile-saved"), "Saved.");
        waitForText(bob, By.id("me-name"), "Bob Builder");

        By bobOnline = By.cssSelector("#online li[data-user='bob']");
        new WebDriverWait(alice, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(bobOnline, "Bob Builder"));
        WebElement avatar = waitFor(alice, By.cssSelector("#online li[data-user='bob'] img.avatar-img"));
        new WebDriverWait(alice, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d ->
                ((Number) js(d, "const i = document.querySelector(\"#online li[data-user='bob'] img\");"
                        + "return i && i.complete ? i.naturalWidth : 0")).intValue() == 64);
        assertThat(avatar.getAttribute("src")).contains("/api/avatar/bob");
        click(alice, bobOnline);
        waitForText(alice, By.id("title"), "Bob Builder");
        click(alice, By.id("view-profile"));
        waitForText(alice, By.id("profile-name"), "Bob Builder");
        assertThat(alice.findElement(By.id("profile-about")).getText()).isEqualTo("Fixes <i>things</i>, mostly routers.");
        assertThat(alice.findElement(By.id("profile-status")).getAttribute("data-status")).isEqualTo("online");
        assertThat(alice.findElement(By.id("profile-form")).isDisplayed()).isFalse();
    }

    @Test
    @Order(66)
    void aGroupConversationBetweenTwoBrowsers() throws Exception {
        click(alice, By.id("new-group"));
        waitFor(alice, By.id("group-name")).sendKeys("study");
        alice.findElement(By.id("group-about")).sendKeys("networks study group");
        alice.findElement(By.id("group-create")).click();
        waitForText(alice, By.id("title"), "study");
        say(alice, "Notes from **Monday** are in the repo");
        waitFor(alice, By.xpath("//li[contains(@class,'message')]//strong[text()='Monday']"));
        assertThat(bob.findElements(By.cssSelector("#groups li[data-group='study']"))).isEmpty(); // by invitation

        waitFor(alice, By.id("invite-user")).sendKeys("bob");
        alice.findElement(By.id("invite")).click();
        // the invitation reaches bob live; he joins and, a late joiner, reads what came before
        WebElement invited = waitFor(bob, By.cssSelector("#groups li[data-group='study'].invited button.join"));
        invited.click();
        waitForText(bob, By.id("title"), "study");
        waitFor(bob, By.xpath("//li[contains(@class,'message')][@data-from='alice']//strong[text()='Monday']"));
        say(alice, "welcome **bob**");
        waitFor(bob, By.xpath("//li[contains(@class,'message')]//strong[text()='bob']"));
        say(bob, "thanks _all_");
        waitFor(alice, By.xpath("//li[contains(@class,'message')][@data-from='bob']//em[text()='all']"));
        assertThat(texts(bob, "#messages li.message .body")).containsExactly("Notes from Monday are in the repo",
                "welcome bob", "thanks all");
        assertThat(alice.findElement(By.xpath("//li[contains(@class,'message')][@data-from='bob']//span[@class='from']"))
                .getText()).isEqualTo("Bob Builder");

        click(alice, By.id("members-button"));
        WebElement member = waitFor(alice, By.cssSelector("#members li[data-user='bob']"));
        assertThat(member.getText()).isEqualTo("Bob Builder");

        // a file to the group goes peer to peer to each member online
        Path notes = Files.write(dir.resolve("group-" + browser().name().toLowerCase() + ".png"), TestImages.png(40, 30));
        alice.findElement(By.id("file")).sendKeys(notes.toString());
        waitFor(alice, By.cssSelector("#messages .file.image img[alt='" + notes.getFileName() + "']"));
        // it arrives in the group's conversation, which bob has open, not in his private one with alice
        waitFor(bob, By.cssSelector("#messages .file.image img[alt='" + notes.getFileName() + "']"));
        assertThat(bob.findElement(By.id("title")).getText()).contains("study");
    }

    @Test
    @Order(67)
    void searchFindsAnOldMessageAndOpensItAndFindsPeople() {
        click(bob, By.cssSelector("#conversations li[data-key='broadcast']"));
        WebElement box = bob.findElement(By.id("search"));
        box.clear();
        box.sendKeys("monday", Keys.ENTER);
        WebElement result = waitFor(bob, By.cssSelector("#search-messages li.message-result[data-conversation='g:study']"));
        assertThat(result.findElement(By.tagName("mark")).getText()).isEqualTo("Monday");
        result.click();
        waitForText(bob, By.id("title"), "study");
        WebElement found = waitFor(bob, By.cssSelector("#messages li.message.found"));
        assertThat(found.getText()).contains("Notes from Monday");

        // a snippet is text: markup in a message is never read as HTML, and only the server's marks are highlighted
        box = bob.findElement(By.id("search"));
        box.clear();
        box.sendKeys("pwned", Keys.ENTER);
        WebElement hostile = waitFor(bob, By.cssSelector("#search-messages li.message-result"));
        assertThat(hostile.getText()).contains("<script>");
        assertThat(bob.findElements(By.cssSelector("#search-view script, #search-view img, #search-view svg"))).isEmpty();
        assertThat(js(bob, "return typeof window.__pwned")).isEqualTo("undefined");

        box = alice.findElement(By.id("search"));
        box.clear();
        box.sendKeys("builder", Keys.ENTER);
        WebElement person = waitFor(alice, By.cssSelector("#search-users li.user-result[data-user='bob']"));
        assertThat(person.getText()).contains("Bob Builder");
        person.click();
        waitForText(alice, By.id("profile-name"), "Bob Builder");
    }

    @Test
    @Order(70)
    void screenshotsForTheReadme() throws Exception {
        Assumptions.assumeTrue(SCREENSHOTS != null && browser() == Browsers.CHROMIUM,
                "screenshots are taken with -Dchatlab.screenshots=DIR, in Chromium");
        Path out = Files.createDirectories(Path.of(SCREENSHOTS));
        fixture.server.signup("dave", "pass-dave");
        fixture.server.signup("erin", "pass-erin");
        ChatClient dave = fixture.server.login("dave", "pass-dave", new Recorder());
        ChatClient erin = fixture.server.login("erin", "pass-erin", new Recorder());
        ChatClient.await(dave.setProfile("Dave Diaz", "TA for the networks course"));
        ChatClient.await(dave.setStatus(UserStatus.DND, "marking"));
        ChatClient.await(erin.setProfile("Erin Ng", "Go-Back-N enthusiast"));
        ChatClient.await(erin.setAvatar(TestImages.png(48, 48)));
        ChatClient.await(erin.setStatus(UserStatus.AWAY, "back at 3"));
        waitForStatus(bob, "erin", "away");
        click(alice, By.cssSelector("#groups li[data-group='study']"));
        waitForText(alice, By.id("title"), "study");
        for (String user : List.of("dave", "erin")) {
            alice.findElement(By.id("invite-user")).sendKeys(user);
            alice.findElement(By.id("invite")).click();
            new WebDriverWait(alice, WAIT).until(d -> d.findElement(By.id("invite-user")).getAttribute("value").isEmpty());
        }
        ChatClient.await(dave.join("study"));
        ChatClient.await(erin.join("study"));
        say(alice, String.join("\n",
                "Here is the plan for **Friday**:",
                "",
                "1. finish the _Go-Back-N_ lab",
                "2. run `./lab simulate` with faults",
                "3. read [the protocol](https://example.org/protocol)"));
        ChatClient.await(dave.sendToGroup("study", "I'll bring the numbers:\n\n```\nwindow=32  loss=5%  goodput=41 Mbit/s\n```",
                TextFormat.MARKDOWN, null));
        bob.findElement(By.id("search")).clear();
        alice.findElement(By.id("search")).clear();
        click(bob, By.cssSelector("#groups li[data-group='study']"));
        waitFor(bob, By.xpath("//li[contains(@class,'message')]//em[text()='Go-Back-N']"));
        waitFor(bob, By.xpath("//li[contains(@class,'message')]//code[contains(., 'goodput')]"));
        shot(bob, out.resolve("web-conversation.png"));
        ChatClient.await(dave.send(Audience.BROADCAST, List.of(), "Anyone up for the **networks** study group at 6?",
                null, TextFormat.MARKDOWN));
        ChatClient.await(erin.broadcast("Count me in :)"));
        click(bob, By.cssSelector("#conversations li[data-key='broadcast']"));
        waitFor(bob, By.xpath("//li[contains(@class,'message')][@data-from='erin']"));
        shot(bob, out.resolve("web-online.png"));
        click(alice, By.cssSelector("#online li[data-user='bob']"));
        click(alice, By.id("view-profile"));
        waitForText(alice, By.id("profile-name"), "Bob Builder");
        new WebDriverWait(alice, WAIT).until(d -> ((Number) js(d, "const i = document.querySelector('#profile-avatar img');"
                + "return i && i.complete ? i.naturalWidth : 0")).intValue() > 0);
        shot(alice, out.resolve("web-profile.png"));
        WebElement box = bob.findElement(By.id("search"));
        box.clear();
        box.sendKeys("networks", Keys.ENTER);
        waitFor(bob, By.cssSelector("#search-users li.user-result[data-user='dave']"));
        waitFor(bob, By.cssSelector("#search-messages li.message-result mark"));
        shot(bob, out.resolve("web-search.png"));
        WebDriver fresh = browser().start();
        try {
            fresh.get(fixture.url());
            waitFor(fresh, By.id("user")).sendKeys("frank");
            fresh.findElement(By.id("password")).sendKeys("correct horse");
            shot(fresh, out.resolve("web-signin.png"));
        } finally {
            fresh.quit();
        }
        dave.close();
        erin.close();
    }

    @Test
    @Order(72)
    void theBoardIsPostedToAndReadWithMarkdown() {
        click(alice, By.cssSelector("#conversations li[data-key='board']"));
        waitForText(alice, By.id("title"), "Message board");
        say(alice, "Lab **moved** to room 2.14");
        waitFor(alice, By.xpath("//li[contains(@class,'message')]//strong[text()='moved']"));
        click(bob, By.cssSelector("#conversations li[data-key='board']"));
        WebElement post = waitFor(bob, By.xpath("//li[contains(@class,'message')][.//strong[text()='moved']]"));
        assertThat(post.getText()).contains("#1 alice", "Lab moved to room 2.14");
    }

    @Test
    @Order(73)
    void aDirectMessageGoesPeerToPeerAndIsMarkedSo() {
        click(alice, By.cssSelector("#online li[data-user='bob']"));
        waitForText(alice, By.id("title"), "Bob Builder"); // his display name, set earlier
        WebElement toggle = waitFor(alice, By.id("direct-toggle"));
        assertThat(toggle.isDisplayed()).as("offered in a private conversation").isTrue();
        alice.findElement(By.id("direct")).click();
        say(alice, "sealed *for* bob");
        click(bob, By.cssSelector("#conversations li[data-key='@alice']"));
        WebElement direct = waitFor(bob, By.xpath("//li[contains(@class,'message') and contains(@class,'direct')]"
                + "[.//div[contains(@class,'body') and text()='sealed *for* bob']]"));
        assertThat(direct.findElement(By.cssSelector(".direct-mark")).getText()).isEqualTo("direct");
        alice.findElement(By.id("direct")).click(); // back to messages through the server
        click(alice, By.cssSelector("#conversations li[data-key='board']"));
        assertThat(alice.findElement(By.id("direct-toggle")).isDisplayed()).as("not on the board").isFalse();
    }

    @Test
    @Order(75)
    void signingOutEndsTheSessionAndOthersSeeItLive() {
        bob.findElement(By.id("signout")).click();
        waitFor(bob, By.id("signin-button"));
        new WebDriverWait(alice, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#online li[data-user='bob']")));
        assertThat((String) fetch(bob, "GET", "/api/state", null, false).get("text")).contains("not_signed_in");
        bob.findElement(By.id("user")).clear();
        bob.findElement(By.id("user")).sendKeys("bob");
        bob.findElement(By.id("password")).sendKeys("not-his");
        bob.findElement(By.id("signin-button")).click();
        new WebDriverWait(bob, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"),
                "(2 attempts left)"));
        assertThat(bob.findElement(By.id("signup-offer")).isDisplayed()).isFalse();
        bob.findElement(By.id("password")).clear();
        bob.findElement(By.id("password")).sendKeys("pass-bob");
        bob.findElement(By.id("signin-button")).click();
        waitForText(bob, By.id("me-name"), "Bob Builder"); // the display name set earlier
        waitFor(alice, By.cssSelector("#online li[data-user='bob']"));
    }

    @Test
    @Order(80)
    void theRateLimitIsShownClearly() {
        click(bob, By.cssSelector("#online li[data-user='alice']"));
        waitForText(bob, By.id("title"), "alice");
        js(bob, "const text = document.getElementById('text'); const send = document.getElementById('send');"
                + "for (let i = 0; i < 120; i++) { text.value = 'quick ' + i; send.click(); }");
        WebElement banner = new WebDriverWait(bob, WAIT.multipliedBy(2)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#banner.warn")));
        assertThat(banner.getText()).contains("rate_limited").contains("Slow down").contains("too many requests");
    }

    // ---- helpers

    void signUp(WebDriver driver, String user, String password) {
        driver.get(fixture.url());
        waitFor(driver, By.id("user")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin-button")).click();
        waitFor(driver, By.id("signup-button")).click();
        waitForText(driver, By.id("me-name"), user);
    }

    /** Waits until the list of who is online shows the user with that status. */
    static void waitForStatus(WebDriver driver, String user, String status) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(
                ExpectedConditions.attributeToBe(By.cssSelector("#online li[data-user='" + user + "']"), "data-status",
                        status));
    }

    static void say(WebDriver driver, String text) {
        WebElement box = driver.findElement(By.id("text"));
        box.clear();
        // set the text at once (new lines typed would send early), then press Enter to send
        js(driver, "arguments[0].value = arguments[1];", box, text);
        box.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(d -> box.getAttribute("value").isEmpty());
    }

    /** Clicks an element of a list the page redraws as events come: found afresh until the click lands. */
    static void click(WebDriver driver, By by) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    static WebElement waitFor(WebDriver driver, By by) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    static void waitForText(WebDriver driver, By by, String text) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(by, text));
    }

    static List<String> texts(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).map(String::strip).toList();
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A request from the page itself, with or without the page's CSRF token: {status, text}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fetch(WebDriver driver, String method, String path, String body, boolean withToken) {
        driver.manage().timeouts().scriptTimeout(WAIT);
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const [method, path, body, withToken, done] = arguments;"
                        + "(async () => {"
                        + "  const headers = {'Content-Type': 'application/json'};"
                        + "  if (withToken) { const s = await (await fetch('/api/session')).json();"
                        + "    headers['X-CSRF-Token'] = s.csrf; }"
                        + "  const r = await fetch(path, {method, headers, body: body || undefined});"
                        + "  done({status: r.status, text: await r.text()});"
                        + "})().catch(e => done({status: -1, text: String(e)}));",
                method, path, body, withToken);
    }

    static void shot(WebDriver driver, Path file) throws Exception {
        js(driver, "document.getElementById('banner').classList.add('hidden')");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
