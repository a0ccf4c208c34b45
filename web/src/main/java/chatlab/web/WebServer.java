package chatlab.web;

import chatlab.protocol.ChatException;
import chatlab.media.MediaTypes;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Protocol;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.TextFormat;
import chatlab.protocol.UserStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser client's local web server: the page, a JSON API and a WebSocket of live events.
 * Each browser has a session (an HttpOnly, SameSite=Strict cookie holding a random 256-bit id);
 * every request that changes anything must carry the session's CSRF token in a header; the
 * WebSocket must come from the page's own origin; each session has its own rate limit, and once
 * signed in, its own {@link SignedIn} chat client.
 */
public final class WebServer implements AutoCloseable {
    static final String COOKIE = "chatlab_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int MAX_SESSIONS = 1_000;
    private static final long MAX_JSON_BYTES = 256 * 1024;
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Uploads for an avatar larger than this are not even read; the chat server's own limit is far lower. */
    private static final long MAX_AVATAR_UPLOAD = 1024 * 1024;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String SESSION = "chatlab.session";
    /** A browser that never signed in is forgotten after this long. */
    static final java.time.Duration ANONYMOUS_IDLE = java.time.Duration.ofHours(1);
    /** A signed-in browser with no page open is signed out after this long. */
    static final java.time.Duration SIGNED_IN_IDLE = java.time.Duration.ofHours(12);

    private final WebConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> anonymous = new ConcurrentHashMap<>();
    private final String index;
    /** How long without input before the page sets its user idle (shorter in tests). */
    private volatile java.time.Duration idleAfter;
    private Javalin app;

    private WebServer(WebConfig config) {
        this.config = config;
        this.index = resource("/chatlab/web/index.html");
        this.idleAfter = config.idleAfter();
    }

    /** Changes how long pages opened from now on wait without input before setting their user idle. */
    void idleAfter(java.time.Duration value) {
        idleAfter = value;
    }

    /** Starts serving; {@link #port()} says where. */
    public static WebServer start(WebConfig config) {
        WebServer server = new WebServer(config);
        server.app = Javalin.create(server::configure).start(config.bind(), config.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The page's address. */
    public String url() {
        String host = config.bind().equals("0.0.0.0") ? "127.0.0.1" : config.bind();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    private void configure(io.javalin.config.JavalinConfig c) {
        c.startup.showJavalinBanner = false;
        c.http.maxRequestSize = MAX_FILE_BYTES + 1024 * 1024;
        c.staticFiles.add(files -> {
            files.hostedPath = "/static";
            files.directory = "/chatlab/web/static";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("X-Content-Type-Options", "nosniff", "Cache-Control", "no-cache");
        });
        var routes = c.routes;
        routes.before(this::checkHost);
        routes.before("/api/*", this::guard);
        routes.get("/", this::page);
        routes.get("/api/session", this::session);
        routes.post("/api/login", ctx -> signIn(ctx, false));
        routes.post("/api/signup", ctx -> signIn(ctx, true));
        routes.post("/api/logout", this::signOut);
        routes.get("/api/state", ctx -> send(ctx, 200, session(ctx, true).require().state()));
        routes.post("/api/messages", this::message);
        routes.post("/api/direct", ctx -> {
            JsonNode body = body(ctx);
            send(ctx, 200, signedIn(ctx).sendDirect(text(body, "conversation", true), text(body, "text", true)));
        });
        routes.get("/api/board", ctx -> send(ctx, 200, Map.of("entries", session(ctx, true).require().board())));
        routes.post("/api/board", this::post);
        routes.post("/api/files", this::upload);
        routes.get("/api/files/{id}", this::download);
        routes.post("/api/status", this::status);
        routes.get("/api/profile/{user}", ctx -> send(ctx, 200, signedIn(ctx).profile(ctx.pathParam("user"))));
        routes.post("/api/profile", this::editProfile);
        routes.post("/api/avatar", this::uploadAvatar);
        routes.get("/api/avatar/{user}", this::avatar);
        routes.get("/api/groups", ctx -> send(ctx, 200, Map.of("groups", signedIn(ctx).groups())));
        routes.post("/api/groups", this::createGroup);
        routes.post("/api/groups/{group}/invite", ctx -> {
            SignedIn signedIn = signedIn(ctx);
            signedIn.invite(ctx.pathParam("group"), text(body(ctx), "user", true));
            send(ctx, 200, Map.of("groups", signedIn.groups()));
        });
        routes.post("/api/groups/{group}/join", ctx -> {
            SignedIn signedIn = signedIn(ctx);
            signedIn.join(ctx.pathParam("group"));
            send(ctx, 200, Map.of("groups", signedIn.groups()));
        });
        routes.post("/api/groups/{group}/leave", ctx -> {
            SignedIn signedIn = signedIn(ctx);
            signedIn.leave(ctx.pathParam("group"));
            send(ctx, 200, Map.of("groups", signedIn.groups()));
        });
        routes.get("/api/groups/{group}/members", ctx -> send(ctx, 200,
                Map.of("members", signedIn(ctx).members(ctx.pathParam("group")))));
        routes.get("/api/groups/{group}/history", ctx -> send(ctx, 200,
                signedIn(ctx).history(ctx.pathParam("group"), ctx.queryParam("after"))));
        routes.get("/api/search/messages", ctx -> send(ctx, 200, signedIn(ctx).searchMessages(query(ctx),
                ctx.queryParam("after"))));
        routes.get("/api/search/users", ctx -> send(ctx, 200, signedIn(ctx).searchUsers(query(ctx),
                ctx.queryParam("after"))));
        routes.wsBeforeUpgrade("/api/events", this::checkSocket);
        routes.ws("/api/events", ws -> {
            ws.onConnect(ctx -> {
                WebSession session = socketSession(ctx);
                if (session == null || session.signedIn() == null) {
                    ctx.closeSession(4401, "not_signed_in");
                    return;
                }
                session.sockets.add(ctx);
                ctx.enableAutomaticPings();
            });
            ws.onClose(ctx -> {
                WebSession session = socketSession(ctx);
                if (session != null) {
                    session.sockets.remove(ctx);
                }
            });
            ws.onError(ctx -> {
                WebSession session = socketSession(ctx);
                if (session != null) {
                    session.sockets.remove(ctx);
                }
            });
        });
        routes.exception(ApiError.class, (e, ctx) -> send(ctx, e.status(), error(e.code(), e.getMessage())));
        routes.exception(ChatException.class, (e, ctx) -> send(ctx, status(e.code()), chatError(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), switch (e.getStatus()) {
            case 404 -> error("not_found", "no such page or API: " + ctx.method() + " " + ctx.path());
            case 405 -> error("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
            case 413 -> error("too_large", "the request is too large");
            default -> error("bad_request", "the request could not be read");
        }));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, error("internal_error", "the web client failed to do that; see its log"));
        });
        routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && !ctx.res().isCommitted() && ctx.result() == null) {
                send(ctx, 404, error("not_found", "no such API: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    // ---- guards

    /** Only this machine's names reach a loopback-bound page, so a DNS-rebound name cannot. */
    private void checkHost(Context ctx) {
        if (!config.loopback()) {
            return;
        }
        String host = ctx.host();
        if (host == null || !allowedHost(host)) {
            throw new ApiError(403, "bad_host", "this page answers only as 127.0.0.1 or localhost");
        }
    }

    private boolean allowedHost(String host) {
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]")
                || name.equals(config.bind());
    }

    /** Rate limit, then the CSRF token of every request that changes anything. */
    private void guard(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        WebSession session = session(ctx, false);
        if (session != null) {
            session.touch();
        }
        TokenBucket bucket = session != null ? session.bucket
                : anonymous.computeIfAbsent(ctx.ip(), ip -> new TokenBucket(config.requestsPerSecond(), config.burst()));
        if (anonymous.size() > MAX_SESSIONS) {
            anonymous.clear();
        }
        long wait = bucket.take();
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(Math.max(1, (wait + 999) / 1000)));
            throw new ApiError(429, "rate_limited", "too many requests: wait a moment and try again");
        }
        if (SAFE_METHODS.contains(ctx.method().name())) {
            return;
        }
        String token = ctx.header(CSRF_HEADER);
        if (session == null || token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                session.csrf.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(403, "csrf_failed", "this request lacks the page's CSRF token; reload the page");
        }
    }

    /** A WebSocket comes only from this page: its Origin must be the page's own, with a valid session. */
    private void checkSocket(Context ctx) {
        checkHost(ctx);
        String origin = ctx.header("Origin");
        String expected = "http://" + ctx.host();
        if (origin == null || !origin.equals(expected)) {
            throw new ApiError(403, "bad_origin", "WebSockets are accepted only from this page");
        }
        WebSession session = session(ctx, false);
        if (session == null || session.signedIn() == null) {
            throw new ApiError(401, "not_signed_in", "sign in first");
        }
    }

    private WebSession socketSession(WsContext ctx) {
        String id = ctx.cookie(COOKIE);
        return id == null ? null : sessions.get(id);
    }

    // ---- sessions

    /** The request's session, or null; {@code required}: a refusal with {@code not_signed_in} instead. */
    private WebSession session(Context ctx, boolean required) {
        WebSession cached = ctx.attribute(SESSION);
        if (cached != null) {
            return cached;
        }
        String id = ctx.cookie(COOKIE);
        WebSession session = id == null ? null : sessions.get(id);
        if (session == null && required) {
            throw new ApiError(401, "not_signed_in", "sign in first");
        }
        if (session != null) {
            ctx.attribute(SESSION, session);
        }
        return session;
    }

    /** The session of this browser, made if it has none: what the page needs to start. */
    private void session(Context ctx) {
        WebSession session = session(ctx, false);
        if (session == null) {
            prune();
            if (sessions.size() >= MAX_SESSIONS) {
                throw new ApiError(503, "too_many_sessions", "this web client has too many sessions open");
            }
            session = new WebSession(randomId(), randomId(),
                    new TokenBucket(config.requestsPerSecond(), config.burst()));
            sessions.put(session.id, session);
            ctx.header("Set-Cookie", COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict");
        }
        SignedIn signedIn = session.signedIn();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("csrf", session.csrf);
        body.put("user", signedIn == null ? null : signedIn.user());
        body.put("server", config.serverHost() + ":" + config.serverPort());
        body.put("idleMs", idleAfter.toMillis());
        send(ctx, 200, body);
    }

    /** Forgets browsers long gone: those that never signed in, and signed-in ones with no page open. */
    private void prune() {
        for (WebSession session : sessions.values()) {
            java.time.Duration idle = session.idle();
            boolean anonymous = session.signedIn() == null;
            if (idle.compareTo(anonymous ? ANONYMOUS_IDLE : SIGNED_IN_IDLE) > 0 && sessions.remove(session.id, session)) {
                SignedIn signedIn = session.signOut();
                if (signedIn != null) {
                    signedIn.signOut();
                }
            }
        }
    }

    /** 256 random bits, base64url. */
    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void signIn(Context ctx, boolean signup) {
        WebSession session = session(ctx, true);
        JsonNode body = body(ctx);
        String user = text(body, "user", true).strip();
        String password = text(body, "password", true);
        if (user.isEmpty() || password.isEmpty()) {
            throw new ApiError(400, "invalid_argument", "give a user name and a password");
        }
        if (session.signedIn() != null) {
            throw new ApiError(409, "already_signed_in", "this browser is already signed in as "
                    + session.signedIn().user() + "; sign out first");
        }
        SignedIn signedIn;
        try {
            signedIn = SignedIn.open(config, user, password, signup, event -> push(session, event));
        } catch (ChatException e) {
            Map<String, Object> refusal = chatError(e);
            if (e.code() == ErrorCode.UNKNOWN_USER && !signup) {
                refusal.put("signup", true); // the page offers to create the account, as the terminal client does
            }
            send(ctx, status(e.code()), refusal);
            return;
        }
        session.signIn(signedIn);
        send(ctx, 200, Map.of("user", user, "server", signedIn.server()));
    }

    private void signOut(Context ctx) {
        WebSession session = session(ctx, true);
        SignedIn signedIn = session.signOut();
        if (signedIn != null) {
            signedIn.signOut();
        }
        for (WsContext socket : session.sockets) {
            socket.closeSession(1000, "signed out");
        }
        session.sockets.clear();
        send(ctx, 200, Map.of("message", "signed out"));
    }

    private SignedIn signedIn(Context ctx) {
        return session(ctx, true).require();
    }

    /** A message; typed in the page it is markdown, which is the default; {@code "format": "plain"} sends text as it is. */
    private void message(Context ctx) {
        SignedIn signedIn = signedIn(ctx);
        JsonNode body = body(ctx);
        String format = text(body, "format", false);
        TextFormat textFormat;
        if (format == null || format.equals("markdown")) {
            textFormat = TextFormat.MARKDOWN;
        } else if (format.equals("plain")) {
            textFormat = TextFormat.PLAIN;
        } else {
            throw new ApiError(400, "invalid_argument", "'format' is 'markdown' or 'plain', not '" + format + "'");
        }
        send(ctx, 200, signedIn.send(text(body, "conversation", true), text(body, "text", true), textFormat));
    }

    private void status(Context ctx) {
        SignedIn signedIn = signedIn(ctx);
        JsonNode body = body(ctx);
        UserStatus status;
        try {
            status = UserStatus.parse(text(body, "status", true));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid_argument", e.getMessage());
        }
        signedIn.setStatus(status, text(body, "text", false));
        send(ctx, 200, Map.of("status", status.wire()));
    }

    private void editProfile(Context ctx) {
        SignedIn signedIn = signedIn(ctx);
        JsonNode body = body(ctx);
        String displayName = text(body, "displayName", false);
        String about = text(body, "about", false);
        if (displayName == null && about == null) {
            throw new ApiError(400, "invalid_argument", "give 'displayName' or 'about'");
        }
        send(ctx, 200, signedIn.setProfile(displayName == null ? null : displayName.strip(), about));
    }

    /** A new avatar, uploaded as multipart/form-data; the chat server checks its type by content and its size. */
    private void uploadAvatar(Context ctx) throws IOException {
        SignedIn signedIn = signedIn(ctx);
        UploadedFile file = multipart(ctx, "avatar");
        if (file.size() > MAX_AVATAR_UPLOAD) {
            throw new ApiError(413, ErrorCode.AVATAR_TOO_LARGE.wire(), "the avatar has " + file.size()
                    + " bytes; the limit is " + Protocol.MAX_AVATAR_BYTES + " (" + Protocol.MAX_AVATAR_BYTES / 1024
                    + " KiB)");
        }
        byte[] image;
        try (InputStream in = file.content()) {
            image = in.readAllBytes();
        }
        if (image.length == 0) {
            throw new ApiError(400, "invalid_argument", "the avatar file is empty");
        }
        send(ctx, 200, signedIn.setAvatar(image));
    }

    /** A user's avatar, to signed-in sessions only, typed as the chat server says, never sniffed. */
    private void avatar(Context ctx) {
        ServerMessage.Avatar avatar = signedIn(ctx).avatar(ctx.pathParam("user"));
        byte[] image = Base64.getDecoder().decode(avatar.data());
        String type = MediaTypes.isImage(avatar.mediaType()) ? avatar.mediaType() : "application/octet-stream";
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType(type).result(image);
    }

    private void createGroup(Context ctx) {
        SignedIn signedIn = signedIn(ctx);
        JsonNode body = body(ctx);
        JsonNode open = body.get("open");
        if (open != null && !open.isNull() && !open.isBoolean()) {
            throw new ApiError(400, "invalid_argument", "'open' must be true or false");
        }
        String about = text(body, "about", false);
        signedIn.createGroup(text(body, "name", true).strip(), about == null || about.isBlank() ? null : about,
                open != null && open.asBoolean());
        send(ctx, 200, Map.of("groups", signedIn.groups()));
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new ApiError(400, "invalid_argument", "give words to search for in 'q'");
        }
        return q;
    }

    private static UploadedFile multipart(Context ctx, String field) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            throw new ApiError(400, "invalid_argument", "send the file as multipart/form-data");
        }
        UploadedFile file = ctx.uploadedFile(field);
        if (file == null) {
            throw new ApiError(400, "invalid_argument", "no file in the form field '" + field + "'");
        }
        return file;
    }

    private void post(Context ctx) {
        SignedIn signedIn = session(ctx, true).require();
        signedIn.post(text(body(ctx), "text", true));
        send(ctx, 200, Map.of("entries", signedIn.board()));
    }

    private void upload(Context ctx) throws IOException {
        SignedIn signedIn = session(ctx, true).require();
        UploadedFile file = multipart(ctx, "file");
        String conversation = ctx.formParam("conversation");
        if (file.size() > MAX_FILE_BYTES) {
            throw new ApiError(413, "too_large", "files up to " + MAX_FILE_BYTES / (1024 * 1024) + " MiB can be sent");
        }
        try (InputStream content = file.content()) {
            send(ctx, 202, signedIn.sendFile(conversation, file.filename(), content));
        }
    }

    /** A file of this session only, typed by its content, shown inline only when it is media. */
    private void download(Context ctx) throws IOException {
        SignedIn signedIn = session(ctx, true).require();
        SignedIn.FileHandle file = signedIn.file(ctx.pathParam("id"));
        if (file == null || !Files.isRegularFile(file.path())) {
            throw new ApiError(404, "not_found", "no such file");
        }
        SignedIn.FileView view = file.view();
        boolean inline = !view.kind().equals("file") && ctx.queryParam("download") == null;
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + asciiName(view.name())
                + "\"; filename*=UTF-8''" + URLEncoder.encode(view.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(view.contentType());
        ctx.header("Content-Length", Long.toString(Files.size(file.path())));
        try (InputStream in = Files.newInputStream(file.path())) {
            in.transferTo(ctx.outputStream());
        }
    }

    private static String asciiName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private void page(Context ctx) {
        String host = ctx.host();
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; media-src 'self'; connect-src 'self' ws://" + host + "; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(index);
    }

    // ---- JSON

    private JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.startsWith("application/json")) {
            throw new ApiError(415, "invalid_json", "send a JSON body with Content-Type: application/json");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_JSON_BYTES) {
            throw new ApiError(413, "too_large", "the request is larger than " + MAX_JSON_BYTES / 1024 + " KiB");
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "invalid_json", "the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ApiError(400, "invalid_json", "the body is not valid JSON");
        }
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new ApiError(400, "invalid_argument", "'" + field + "' is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiError(400, "invalid_argument", "'" + field + "' must be a string");
        }
        return value.asText();
    }

    private void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void push(WebSession session, Map<String, Object> event) {
        try {
            session.push(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            LOG.warn("an event could not be written as JSON", e);
        }
    }

    private static Map<String, Object> error(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    private static Map<String, Object> chatError(ChatException e) {
        Map<String, Object> body = error(e.code().wire(), e.getMessage());
        if (e.attemptsLeft() != null) {
            body.put("attemptsLeft", e.attemptsLeft());
        }
        if (e.retryAfterSeconds() != null) {
            body.put("retryAfterSeconds", e.retryAfterSeconds());
        }
        return body;
    }

    /** The HTTP status for a refusal of the chat server. */
    static int status(ErrorCode code) {
        return switch (code) {
            case UNKNOWN_USER, NO_SUCH_GROUP, NO_AVATAR -> 404;
            case WRONG_PASSWORD, NOT_LOGGED_IN -> 401;
            case ACCOUNT_BLOCKED, BANNED, NOT_A_MEMBER, NOT_INVITED -> 403;
            case USERNAME_TAKEN, DUPLICATE_SESSION, ALREADY_LOGGED_IN, GROUP_EXISTS -> 409;
            case AVATAR_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case RATE_LIMITED -> 429;
            case SERVER_UNREACHABLE, CONNECTION_LOST, TIMEOUT -> 502;
            default -> 400;
        };
    }

    private static String resource(String path) {
        try (InputStream in = WebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of sessions signed in: for tests and the log. */
    int signedIn() {
        return (int) sessions.values().stream().filter(s -> s.signedIn() != null).count();
    }

    List<String> users() {
        return sessions.values().stream().map(WebSession::signedIn).filter(java.util.Objects::nonNull)
                .map(SignedIn::user).toList();
    }

    @Override
    public void close() {
        for (WebSession session : sessions.values()) {
            SignedIn signedIn = session.signOut();
            if (signedIn != null) {
                signedIn.signOut();
            }
        }
        sessions.clear();
        if (app != null) {
            app.stop();
        }
    }
}
