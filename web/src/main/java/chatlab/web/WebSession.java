package chatlab.web;

import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One browser's session: a random id (its cookie), a CSRF token the page sends back in a
 * header, a rate limit, the page's open WebSockets, and once signed in, its own chat client.
 */
final class WebSession {
    final String id;
    final String csrf;
    final TokenBucket bucket;
    final Set<WsContext> sockets = ConcurrentHashMap.newKeySet();
    private volatile SignedIn signedIn;
    private volatile long lastUsed = System.nanoTime();

    WebSession(String id, String csrf, TokenBucket bucket) {
        this.id = id;
        this.csrf = csrf;
        this.bucket = bucket;
    }

    void touch() {
        lastUsed = System.nanoTime();
    }

    /** How long since the page last asked for anything, or had a WebSocket open. */
    java.time.Duration idle() {
        return sockets.isEmpty() ? java.time.Duration.ofNanos(System.nanoTime() - lastUsed) : java.time.Duration.ZERO;
    }

    SignedIn signedIn() {
        return signedIn;
    }

    /** The signed-in part, or a refusal with {@code not_signed_in}. */
    SignedIn require() {
        SignedIn current = signedIn;
        if (current == null) {
            throw new ApiError(401, "not_signed_in", "sign in first");
        }
        return current;
    }

    synchronized void signIn(SignedIn value) {
        if (signedIn != null) {
            value.close();
            throw new ApiError(409, "already_signed_in", "this browser is already signed in as " + signedIn.user()
                    + "; sign out first");
        }
        signedIn = value;
    }

    synchronized SignedIn signOut() {
        SignedIn old = signedIn;
        signedIn = null;
        return old;
    }

    /** Sends a text to every open page of this session. */
    void push(String json) {
        for (WsContext socket : sockets) {
            try {
                socket.send(json);
            } catch (RuntimeException e) {
                sockets.remove(socket);
            }
        }
    }
}
