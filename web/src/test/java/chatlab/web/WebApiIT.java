package chatlab.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.testing.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The web client's own API over real HTTP, against a real chat server: sessions, CSRF, limits, files, isolation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiIT {
    static final byte[] PNG = TestImages.png(8, 6);

    @TempDir
    static Path dir;
    WebFixture fixture;

    @BeforeAll
    void start() throws Exception {
        fixture = WebFixture.start(dir);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private Api session() throws Exception {
        return new Api(fixture.url()).open();
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteStrictAndHolds256RandomBits() throws Exception {
        Api api = new Api(fixture.url());
        Api.Reply reply = api.get("/api/session");
        String cookie = reply.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(WebServer.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/");
        String id = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        assertThat(java.util.Base64.getUrlDecoder().decode(id)).hasSize(32);
        String csrf = reply.json().get("csrf").asText();
        assertThat(java.util.Base64.getUrlDecoder().decode(csrf)).hasSize(32);
        assertThat(csrf).isNotEqualTo(id);
        // the same browser keeps its session; another gets another
        assertThat(api.get("/api/session").json().get("csrf").asText()).isEqualTo(csrf);
        assertThat(session().csrf).isNotEqualTo(csrf);
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        Api api = session();
        Map<String, String> login = Map.of("user", "nobody", "password", "secret-1");
        Api.Reply none = api.postRaw("/api/login", "{\"user\":\"x\",\"password\":\"y\"}", "application/json", null);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.code()).isEqualTo("csrf_failed");
        String forged = (api.csrf.charAt(0) == 'A' ? "B" : "A") + api.csrf.substring(1); // one character off, never the token
        Api.Reply wrong = api.postRaw("/api/login", "{}", "application/json", forged);
        assertThat(wrong.code()).isEqualTo("csrf_failed");
        Api other = session();
        Api.Reply stolen = api.postRaw("/api/login", "{}", "application/json", other.csrf);
        assertThat(stolen.code()).isEqualTo("csrf_failed");
        Api.Reply noSession = new Api(fixture.url()).postRaw("/api/login", "{}", "application/json", api.csrf);
        assertThat(noSession.code()).isEqualTo("csrf_failed");
        assertThat(api.post("/api/login", login).code()).isEqualTo("unknown_user"); // with the token it is heard
    }

    @Test
    void anUnknownUserIsOfferedASignupAndThenSignsIn() throws Exception {
        Api api = session();
        Api.Reply unknown = api.post("/api/login", Map.of("user", "dora", "password", "pass-dora"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("unknown_user");
        assertThat(unknown.json().get("signup").asBoolean()).isTrue();
        assertThat(api.post("/api/signup", Map.of("user", "dora", "password", "pass-dora")).status()).isEqualTo(200);
        assertThat(api.get("/api/session").json().get("user").asText()).isEqualTo("dora");
        assertThat(api.get("/api/state").json().get("user").asText()).isEqualTo("dora");
        assertThat(api.post("/api/login", Map.of("user", "dora", "password", "pass-dora")).code())
                .isEqualTo("already_signed_in");
        assertThat(api.post("/api/logout", Map.of()).status()).isEqualTo(200);
        assertThat(api.get("/api/state").code()).isEqualTo("not_signed_in");
        Api.Reply wrong = api.post("/api/login", Map.of("user", "dora", "password", "not-it"));
        assertThat(wrong.code()).isEqualTo("wrong_password");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void badInputGetsAStableCodeAndNoStackTrace() throws Exception {
        Api api = session();
        List<Api.Reply> replies = List.of(
                api.postRaw("/api/login", "{not json", "application/json", api.csrf),
                api.postRaw("/api/login", "[1,2]", "application/json", api.csrf),
                api.postRaw("/api/login", "user=x", "application/x-www-form-urlencoded", api.csrf),
                api.post("/api/login", Map.of("user", 5, "password", "x")),
                api.post("/api/login", Map.of("user", "x")),
                api.get("/api/nothing-here"),
                api.get("/api/state"),
                api.post("/api/messages", Map.of("conversation", "@x", "text", "hi")));
        assertThat(replies).extracting(Api.Reply::code).containsExactly("invalid_json", "invalid_json", "invalid_json",
                "invalid_argument", "invalid_argument", "not_found", "not_signed_in", "not_signed_in");
        assertThat(replies).extracting(Api.Reply::status).containsExactly(400, 400, 415, 400, 400, 404, 401, 401);
        for (Api.Reply reply : replies) {
            assertThat(reply.json().size()).as("only code and message: %s", reply.json()).isEqualTo(2);
            assertThat(reply.json().get("message").asText()).doesNotContain("Exception", "\tat ");
        }
        api.signup("erin", "pass-erin");
        assertThat(api.post("/api/messages", Map.of("conversation", "nobody", "text", "hi")).code())
                .isEqualTo("invalid_argument");
        assertThat(api.post("/api/messages", Map.of("conversation", "@erin2", "text", " ")).code())
                .isEqualTo("invalid_argument");
        assertThat(api.post("/api/messages", Map.of("conversation", "@ghost", "text", "hi")).code())
                .isEqualTo("unknown_user");
        assertThat(api.get("/api/files/not-a-file").code()).isEqualTo("not_found");
    }

    @Test
    void eachSessionHasItsOwnRateLimit() throws Exception {
        try (WebFixture tight = WebFixture.start(dir.resolve("tight"), 1, 5)) {
            Api api = new Api(tight.url()).open();
            Api calm = new Api(tight.url()).open();
            List<Integer> statuses = new java.util.ArrayList<>();
            Api.Reply limited = null;
            for (int i = 0; i < 20 && limited == null; i++) {
                Api.Reply reply = api.get("/api/session");
                statuses.add(reply.status());
                if (reply.status() == 429) {
                    limited = reply;
                }
            }
            assertThat(limited).as("statuses %s", statuses).isNotNull();
            assertThat(statuses.size()).isBetween(5, 7);
            assertThat(limited.code()).isEqualTo("rate_limited");
            assertThat(limited.json().get("message").asText()).contains("too many requests");
            assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(calm.get("/api/session").status()).isEqualTo(200); // another session is not held back
        }
    }

    @Test
    void aSignedInSessionReconnectsWhenTheServerRestarts() throws Exception {
        try (WebFixture restarting = WebFixture.start(dir.resolve("restarting"))) {
            Api lena = new Api(restarting.url()).open().signup("lena", "pass-lena");
            restarting.server.signup("max", "pass-max");
            restarting.server.restart();
            ChatClient max = restarting.server.login("max", "pass-max", new Recorder());
            ChatClient.await(max.unicast("lena", "still there?"));
            await().atMost(Duration.ofSeconds(20)).until(() -> lena.get("/api/state").json().toString()
                    .contains("still there?"));
            await().atMost(Duration.ofSeconds(10)).until(() -> lena.get("/api/state").json().get("online").toString()
                    .contains("max"));
            max.close();
        }
    }

    @Test
    void sessionsAreIsolated() throws Exception {
        Api alice = session().signup("alice", "pass-alice");
        Api bob = session().signup("bob", "pass-bob");
        fixture.server.signup("carol", "pass-carol");
        ChatClient carol = fixture.server.login("carol", "pass-carol", new Recorder());
        ChatClient.await(carol.unicast("alice", "secret for alice"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.get("/api/state").json().toString()
                .contains("secret for alice"));
        assertThat(bob.get("/api/state").json().toString()).doesNotContain("secret");

        // a file alice sends to carol stays alice's: bob cannot fetch it, even knowing its id
        Api.Reply sent = alice.upload("@bob", "pic.png", PNG);
        assertThat(sent.status()).as("%s", sent.json()).isEqualTo(202);
        String id = sent.json().get("file").get("id").asText();
        assertThat(alice.get("/api/files/" + id).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> bob.get("/api/state").json().toString().contains("pic.png"));
        assertThat(bob.get("/api/files/" + id).status()).isEqualTo(404);
        Api stranger = session();
        assertThat(stranger.get("/api/files/" + id).code()).isEqualTo("not_signed_in");
        assertThat(stranger.get("/api/state").code()).isEqualTo("not_signed_in");
        carol.close();
    }

    @Test
    void directMessagesGoPeerToPeerAndWaitWithRelaysForAUserWhoIsAway() throws Exception {
        Api dana = session().signup("dana", "pass-dana");
        Api eve = session().signup("eve", "pass-eve");
        session().signup("fay", "pass-fay"); // online: a relay
        Api.Reply sent = dana.post("/api/direct", Map.of("conversation", "@eve", "text", "sealed for eve"));
        assertThat(sent.status()).as("%s", sent.json()).isEqualTo(200);
        assertThat(sent.json().get("outcome").asText()).isEqualTo("delivered");
        assertThat(sent.json().get("text").asText()).isEqualTo("Delivered to eve directly.");
        assertThat(sent.json().get("message").get("direct").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> eve.get("/api/state").json().path("conversations").path("@dana")
                .toString().contains("sealed for eve"));
        assertThat(eve.get("/api/state").json().path("conversations").path("@dana").get(0).get("direct").asBoolean())
                .isTrue();

        assertThat(eve.post("/api/logout", Map.of()).status()).isEqualTo(200);
        Api.Reply held = dana.post("/api/direct", Map.of("conversation", "@eve", "text", "while you were away"));
        assertThat(held.json().get("outcome").asText()).as("%s", held.json()).isEqualTo("held");
        assertThat(held.json().get("text").asText()).startsWith("eve is offline or not answering: held for eve by ");
        Api back = session();
        assertThat(back.post("/api/login", Map.of("user", "eve", "password", "pass-eve")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> back.get("/api/state").json().path("conversations")
                .path("@dana").toString().contains("while you were away"));

        assertThat(dana.post("/api/direct", Map.of("conversation", "broadcast", "text", "to all")).code())
                .isEqualTo("invalid_argument");
        assertThat(dana.post("/api/direct", Map.of("conversation", "@eve", "text", " ")).code())
                .isEqualTo("invalid_argument");
    }

    @Test
    void theWebClientsDirectSettingsApplyToItsUsersNoRelaysAndTheServerAsFallback() throws Exception {
        try (WebFixture second = WebFixture.start(dir.resolve("second"), c -> c.withDirect(
                chatlab.p2p.direct.DirectMessages.Settings.DEFAULT.withRelays(0)
                        .withFallback(chatlab.p2p.direct.DirectMessages.Fallback.SERVER)))) {
            Api gus = new Api(second.url()).open().signup("gus", "pass-gus");
            Api hal = new Api(second.url()).open().signup("hal", "pass-hal");
            new Api(second.url()).open().signup("ivy", "pass-ivy"); // online, but no relay is asked
            assertThat(hal.post("/api/logout", Map.of()).status()).isEqualTo(200);
            Api.Reply sent = gus.post("/api/direct", Map.of("conversation", "@hal", "text", "through the server"));
            assertThat(sent.json().get("outcome").asText()).as("%s", sent.json()).isEqualTo("via_server");
            assertThat(sent.json().get("text").asText()).contains("no relays are asked (relays 0)")
                    .contains("the server holds it for hal");
            Api back = new Api(second.url()).open();
            assertThat(back.post("/api/login", Map.of("user", "hal", "password", "pass-hal")).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> back.get("/api/state").json().path("conversations")
                    .path("@gus").toString().contains("through the server"));
        }
    }

    @Test
    void theBoardIsPostedToAndReadRendered() throws Exception {
        Api jo = session().signup("jo", "pass-jo");
        Api.Reply posted = jo.post("/api/board", Map.of("text", "meet at **noon** <script>x()</script>"));
        assertThat(posted.status()).isEqualTo(200);
        var entry = posted.json().get("entries").get(0);
        assertThat(entry.get("from").asText()).isEqualTo("jo");
        assertThat(entry.get("html").asText())
                .isEqualTo("<p>meet at <strong>noon</strong> &lt;script&gt;x()&lt;/script&gt;</p>\n");
        Api kim = session().signup("kim", "pass-kim");
        assertThat(kim.get("/api/board").json().get("entries").get(0).get("html").asText()).contains("<strong>noon</strong>");
        assertThat(kim.post("/api/board", Map.of("text", "")).code()).isEqualTo("invalid_argument");
    }

    @Test
    void filesAreTypedByTheirContentAndNeverSniffed() throws Exception {
        Api frank = session().signup("frank", "pass-frank");
        Api gina = session().signup("gina", "pass-gina");
        frank.upload("@gina", "holiday.html", PNG);
        frank.upload("@gina", "pic.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(15)).until(() -> gina.get("/api/state").json().findValues("file").stream()
                .filter(f -> !f.isNull()).count() == 2);
        var files = gina.get("/api/state").json().findValues("file").stream().filter(f -> !f.isNull()).toList();
        var image = files.stream().filter(f -> f.get("name").asText().endsWith("holiday.html")).findFirst().orElseThrow();
        var script = files.stream().filter(f -> f.get("name").asText().endsWith("pic.png")).findFirst().orElseThrow();
        assertThat(image.get("kind").asText()).isEqualTo("image");
        assertThat(script.get("kind").asText()).isEqualTo("file");

        var png = gina.get("/api/files/" + image.get("id").asText()).raw();
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(png.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
        assertThat(png.body()).isEqualTo(PNG);

        var html = gina.get("/api/files/" + script.get("id").asText()).raw();
        assertThat(html.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(html.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
    }

    @Test
    void theWebSocketAcceptsOnlyThePagesOwnOriginAndItsSession() throws Exception {
        Api hank = session().signup("hank", "pass-hank");
        String cookie = hank.http.cookieHandler().orElseThrow().get(URI.create(hank.base), Map.of()).get("Cookie").get(0);
        URI ws = URI.create(hank.base.replace("http://", "ws://") + "/api/events");
        String origin = hank.base;
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                received.add(data.toString());
                socket.request(1);
                return null;
            }
        };
        var client = java.net.http.HttpClient.newHttpClient();
        assertThatThrownBy(() -> client.newWebSocketBuilder().header("Cookie", cookie)
                .header("Origin", "http://evil.example").buildAsync(ws, listener).get(10, TimeUnit.SECONDS))
                .rootCause().hasMessageContaining("403");
        assertThatThrownBy(() -> client.newWebSocketBuilder().header("Origin", origin).buildAsync(ws, listener)
                .get(10, TimeUnit.SECONDS)).rootCause().hasMessageContaining("401");
        WebSocket socket = client.newWebSocketBuilder().header("Cookie", cookie).header("Origin", origin)
                .buildAsync(ws, listener).get(10, TimeUnit.SECONDS);
        fixture.server.signup("ivan", "pass-ivan");
        ChatClient ivan = fixture.server.login("ivan", "pass-ivan", new Recorder());
        ChatClient.await(ivan.unicast("hank", "*plain* hank"));
        ChatClient.await(ivan.send(chatlab.protocol.Audience.UNICAST, List.of("hank"), "*hi* hank", null,
                chatlab.protocol.TextFormat.MARKDOWN));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(m -> m.contains("<em>hi</em> hank")));
        // a plain message is passed as its text, never as HTML
        assertThat(received).anyMatch(m -> m.contains("\"format\":\"plain\"") && m.contains("\"text\":\"*plain* hank\"")
                && m.contains("\"html\":null"));
        assertThat(received).anyMatch(m -> m.contains("\"type\":\"presence\"") && m.contains("ivan"));
        socket.abort();
        ivan.close();
    }

    @Test
    void aPageAskedForByAnotherHostNameIsRefused() throws Exception {
        // a DNS-rebound name points at 127.0.0.1 but is not this machine's name
        try (Socket socket = new Socket("127.0.0.1", fixture.web.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/session HTTP/1.1\r\nHost: evil.example:" + fixture.web.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 403").contains("\"code\":\"bad_host\"");
        }
    }

    @Test
    void thePageForbidsInlineScriptsAndFraming() throws Exception {
        var page = new Api(fixture.url()).get("/").raw();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("/static/app.js");
        var script = new Api(fixture.url()).get("/static/app.js").raw();
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    }

    @Test
    void profilesAndAvatarsAreEditedAndServedToSignedInSessionsOnly() throws Exception {
        Api pia = session().signup("pia", "pass-pia");
        Api quin = session().signup("quin", "pass-quin");
        Api.Reply edited = pia.post("/api/profile", Map.of("displayName", "  Pia Park ", "about", "networks, *tea*"));
        assertThat(edited.status()).as("%s", edited.json()).isEqualTo(200);
        assertThat(edited.json().get("displayName").asText()).isEqualTo("Pia Park");
        assertThat(pia.post("/api/profile", Map.of()).code()).isEqualTo("invalid_argument");
        assertThat(pia.post("/api/profile", Map.of("displayName", 5)).code()).isEqualTo("invalid_argument");
        assertThat(pia.post("/api/profile", Map.of("displayName", "x".repeat(65))).code()).isEqualTo("invalid_argument");

        Api.Reply avatar = pia.multipart("/api/avatar", Map.of(), "avatar", "me.png", PNG, pia.csrf);
        assertThat(avatar.status()).as("%s", avatar.json()).isEqualTo(200);
        assertThat(avatar.json().get("avatarType").asText()).isEqualTo("image/png");
        var served = quin.get("/api/avatar/pia").raw();
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.body()).isEqualTo(PNG);
        Api.Reply shown = quin.get("/api/profile/pia");
        assertThat(shown.json().get("displayName").asText()).isEqualTo("Pia Park");
        assertThat(shown.json().get("about").asText()).isEqualTo("networks, *tea*");
        assertThat(shown.json().get("status").asText()).isEqualTo("online");
        assertThat(session().get("/api/avatar/pia").code()).isEqualTo("not_signed_in");
        assertThat(new Api(fixture.url()).get("/api/avatar/pia").code()).isEqualTo("not_signed_in");
        assertThat(quin.get("/api/avatar/quin").code()).isEqualTo("no_avatar");
        assertThat(quin.get("/api/profile/ghost").code()).isEqualTo("unknown_user");

        // the chat server checks the type by content and the size: its refusal reaches the page with its code
        byte[] big = java.util.Arrays.copyOf(PNG, 40 * 1024);
        Api.Reply tooLarge = pia.multipart("/api/avatar", Map.of(), "avatar", "big.png", big, pia.csrf);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("avatar_too_large");
        assertThat(tooLarge.json().get("message").asText()).contains("32");
        Api.Reply svg = pia.multipart("/api/avatar", Map.of(), "avatar", "me.png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), pia.csrf);
        assertThat(svg.status()).isEqualTo(415);
        assertThat(svg.code()).isEqualTo("unsupported_media_type");
        assertThat(pia.multipart("/api/avatar", Map.of(), "image", "me.png", PNG, pia.csrf).code())
                .isEqualTo("invalid_argument");
        assertThat(quin.get("/api/avatar/pia").raw().body()).isEqualTo(PNG); // the refused ones changed nothing

        assertThat(pia.post("/api/status", Map.of("status", "busy")).code()).isEqualTo("invalid_argument");
        assertThat(pia.post("/api/status", Map.of("text", "lunch")).code()).isEqualTo("invalid_argument");
        assertThat(pia.post("/api/status", Map.of("status", "away", "text", "lunch")).status()).isEqualTo(200);
        Api.Reply away = quin.get("/api/profile/pia");
        assertThat(away.json().get("status").asText()).isEqualTo("away");
        assertThat(away.json().get("statusText").asText()).isEqualTo("lunch");
        assertThat(pia.post("/api/status", Map.of("status", "offline")).status()).isEqualTo(200);
        assertThat(quin.get("/api/profile/pia").json().hasNonNull("status")).isFalse(); // appearing offline
        await().atMost(Duration.ofSeconds(10)).until(() -> !quin.get("/api/state").json().get("online").toString()
                .contains("pia"));
    }

    @Test
    void groupsHistoryAndSearchKeepEachSessionToWhatItMaySee() throws Exception {
        Api rae = session().signup("rae", "pass-rae");
        Api sam = session().signup("sam", "pass-sam");
        Api tom = session().signup("tom", "pass-tom");
        Api.Reply created = rae.post("/api/groups", Map.of("name", "lab", "about", "the lab group"));
        assertThat(created.status()).as("%s", created.json()).isEqualTo(200);
        assertThat(created.json().get("groups").toString()).contains("\"name\":\"lab\"", "\"member\":true");
        assertThat(rae.post("/api/groups", Map.of("name", "lab")).code()).isEqualTo("group_exists");
        assertThat(rae.post("/api/groups", Map.of("name", "lab2", "open", "yes")).code()).isEqualTo("invalid_argument");
        assertThat(rae.post("/api/groups", Map.of("about", "no name")).code()).isEqualTo("invalid_argument");
        Api.Reply badName = rae.post("/api/groups", Map.of("name", "two words"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.code()).isNotNull();

        // by invitation only: sam neither sees it nor joins it nor reads it until invited
        assertThat(sam.get("/api/groups").json().toString()).doesNotContain("\"lab\"");
        assertThat(sam.post("/api/groups/lab/join", Map.of()).code()).isEqualTo("not_invited");
        assertThat(sam.get("/api/groups/lab/history").code()).isEqualTo("not_a_member");
        assertThat(sam.get("/api/groups/lab/members").code()).isEqualTo("not_a_member");
        assertThat(sam.get("/api/groups/nope/members").code()).isEqualTo("no_such_group");
        assertThat(rae.post("/api/messages", Map.of("conversation", "g:lab", "text", "quarterly **budget** draft"))
                .json().get("format").asText()).isEqualTo("markdown");
        Api.Reply plain = rae.post("/api/messages", Map.of("conversation", "g:lab", "text", "**raw** budget",
                "format", "plain"));
        assertThat(plain.json().get("text").asText()).isEqualTo("**raw** budget");
        assertThat(plain.json().get("html").isNull()).isTrue();
        assertThat(rae.post("/api/messages", Map.of("conversation", "g:lab", "text", "x", "format", "html")).code())
                .isEqualTo("invalid_argument");
        assertThat(rae.post("/api/messages", Map.of("conversation", "g:", "text", "x")).code())
                .isEqualTo("invalid_argument");

        assertThat(rae.post("/api/groups/lab/invite", Map.of("user", "sam")).status()).isEqualTo(200);
        assertThat(rae.post("/api/groups/lab/invite", Map.of()).code()).isEqualTo("invalid_argument");
        assertThat(sam.get("/api/groups").json().toString()).contains("\"name\":\"lab\"", "\"member\":false");
        assertThat(sam.post("/api/groups/lab/join", Map.of()).status()).isEqualTo(200);
        // a late joiner reads what came before, newest first, each in its own format
        var history = sam.get("/api/groups/lab/history").json().get("messages");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("format").asText()).isEqualTo("plain");
        assertThat(history.get(0).get("text").asText()).isEqualTo("**raw** budget");
        assertThat(history.get(1).get("html").asText()).contains("<strong>budget</strong>");
        assertThat(sam.get("/api/groups/lab/members").json().get("members").toString()).contains("rae", "sam");
        assertThat(sam.get("/api/groups/lab/history?after=not-a-cursor").code()).isEqualTo("invalid_argument");

        var found = sam.get("/api/search/messages?q=budget").json();
        assertThat(found.get("results")).hasSize(2);
        assertThat(found.get("results").get(0).get("snippet").asText()).contains("[budget]");
        assertThat(found.get("results").get(0).get("conversation").asText()).isEqualTo("g:lab");
        assertThat(tom.get("/api/search/messages?q=budget").json().get("results")).isEmpty();
        assertThat(tom.get("/api/search/messages?q=").code()).isEqualTo("invalid_argument");
        assertThat(tom.get("/api/search/messages").code()).isEqualTo("invalid_argument");
        assertThat(tom.get("/api/search/messages?q=*%20*").code()).isEqualTo("invalid_argument");
        assertThat(tom.get("/api/search/users?q=rae").json().get("users").toString()).contains("\"user\":\"rae\"");

        assertThat(sam.post("/api/groups/lab/leave", Map.of()).status()).isEqualTo(200);
        assertThat(sam.get("/api/groups/lab/history").code()).isEqualTo("not_a_member");
        assertThat(sam.post("/api/messages", Map.of("conversation", "g:lab", "text", "still here?")).code())
                .isEqualTo("not_a_member");
    }

    @Test
    void everyRequestThatChangesSomethingNeedsTheCsrfToken() throws Exception {
        Api uma = session().signup("uma", "pass-uma");
        uma.post("/api/groups", Map.of("name", "uma-club", "open", true));
        List<String> paths = List.of("/api/status", "/api/profile", "/api/groups", "/api/groups/uma-club/invite",
                "/api/groups/uma-club/join", "/api/groups/uma-club/leave", "/api/messages", "/api/board",
                "/api/logout", "/api/login", "/api/signup");
        String body = "{\"status\":\"dnd\",\"displayName\":\"forged\",\"name\":\"forged\",\"user\":\"uma\","
                + "\"conversation\":\"@uma\",\"text\":\"forged\"}";
        for (String path : paths) {
            Api.Reply forged = uma.postRaw(path, body, "application/json", null);
            assertThat(forged.status()).as(path).isEqualTo(403);
            assertThat(forged.code()).as(path).isEqualTo("csrf_failed");
        }
        for (String path : List.of("/api/avatar", "/api/files")) {
            Api.Reply forged = uma.multipart(path, Map.of("conversation", "@uma"), path.endsWith("avatar") ? "avatar"
                    : "file", "x.png", PNG, null);
            assertThat(forged.code()).as(path).isEqualTo("csrf_failed");
        }
        var profile = uma.get("/api/profile/uma").json();
        assertThat(profile.hasNonNull("displayName")).isFalse();
        assertThat(profile.hasNonNull("avatarType")).isFalse();
        assertThat(profile.get("status").asText()).isEqualTo("online");
        assertThat(uma.get("/api/groups").json().toString()).doesNotContain("forged");
        assertThat(uma.get("/api/session").json().get("user").asText()).isEqualTo("uma");
    }
}
