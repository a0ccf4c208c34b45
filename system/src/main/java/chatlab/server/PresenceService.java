package chatlab.server;

import chatlab.protocol.ActiveUser;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.PresenceState;
import chatlab.protocol.RecentUser;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import chatlab.protocol.UserStatus;
import chatlab.store.LoginStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who is logged in, in login order (Toom's active-user log), and the login history for
 * whoelse-since. Sends presence events to the clients that asked for them.
 *
 * <p>A login or logout costs the same however many users are online: the checks look the user
 * up by name, and the presence event goes only to the sessions that asked for presence events.
 */
public final class PresenceService {
    static final String NO_OTHER_ACTIVE_USER = "no other active user";
    private static final int HISTORY_PAGE = 500;

    private final LoginStore store;
    private final BlockService blocks;
    private final InstantSource clock;
    private final Timestamps timestamps;
    private final boolean allowMultipleSessions;
    private final ReentrantLock lock = new ReentrantLock();
    /** Told after every session that enters or leaves, outside the lock. */
    private volatile Runnable onChange = () -> { };
    /** The active sessions in login order; guarded by {@link #lock}. */
    private final Set<Session> active = new LinkedHashSet<>();
    /** user → that user's active sessions; guarded by {@link #lock}. */
    private final Map<String, List<Session>> byUser = new HashMap<>();
    /** The active sessions that asked for presence events, in login order; guarded by {@link #lock}. */
    private final Set<Session> watchers = new LinkedHashSet<>();
    /**
     * user → the user's present stay in the room: a number given when the user comes online with
     * no session, kept while any session of the user stays (a takeover by the same client
     * included), and dropped when the last one leaves; guarded by {@link #lock}.
     */
    private final Map<String, Long> stays = new HashMap<>();
    private long lastStay;
    /**
     * user → the status the user set and its note, while online; a user who comes online with no
     * session starts {@code online}; guarded by {@link #lock}.
     */
    private final Map<String, ServerMessage.Status> statuses = new HashMap<>();
    /**
     * The users on do-not-disturb, readable without the lock: every chat message asks it for each
     * recipient, and must not wait behind a login, which holds the lock while it writes to the store.
     */
    private final Set<String> doNotDisturb = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** user → the end of that user's ban from the room, after a kick; guarded by {@link #lock}. */
    private final Map<String, Instant> bans = new HashMap<>();
    /** The size of {@link #active}, readable without the lock, which a login holds while it writes to the store. */
    private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

    public PresenceService(LoginStore store, BlockService blocks, InstantSource clock, Timestamps timestamps,
            boolean allowMultipleSessions) {
        this.store = store;
        this.blocks = blocks;
        this.clock = clock;
        this.timestamps = timestamps;
        this.allowMultipleSessions = allowMultipleSessions;
    }

    /**
     * A login that entered: its session, and the session of the same client instance it took
     * over (null if none), which has left presence already and must be closed by its caller.
     */
    public record Entered(Session session, Session replaced) {
    }

    /**
     * Records a login and makes the session active. A session of the user from the same client
     * {@code instance} is taken over: it leaves in the same step, so that no logout of it still
     * under way can make the new login look like a second session. Any other session of the
     * user is refused, unless several are allowed; so is a user banned from the room.
     */
    /** Runs {@code listener} after every session that enters or leaves. */
    void onChange(Runnable listener) {
        onChange = listener;
    }

    public Entered enter(String user, String address, Integer udpPort, String instance, Outbound out) {
        Session session;
        Session stale = null;
        List<Session> others;
        lock.lock();
        try {
            refuseIfBanned(user);
            Long stay = stays.get(user);
            if (instance != null) {
                stale = byUser.getOrDefault(user, List.of()).stream().filter(s -> instance.equals(s.instance()))
                        .findFirst().orElse(null);
                if (stale != null) {
                    remove(stale, clock.instant());
                }
            }
            if (!allowMultipleSessions && byUser.containsKey(user)) {
                throw new ChatException(ErrorCode.DUPLICATE_SESSION,
                        user + " is already logged in; log out there first");
            }
            Instant since = Timestamps.truncate(clock.instant());
            long loginId = store.recordLogin(user, since, address, udpPort);
            session = new Session(user, since, address, udpPort, loginId, instance, out);
            others = List.copyOf(watchers);
            active.add(session);
            byUser.computeIfAbsent(user, u -> new ArrayList<>(1)).add(session);
            stays.put(user, stay != null ? stay : ++lastStay); // a takeover continues the stay
            if (stay == null) {
                statuses.put(user, new ServerMessage.Status(user, UserStatus.ONLINE, null, timestamps.format(since)));
                doNotDisturb.remove(user);
            }
            if (out.wantsPresence()) {
                watchers.add(session);
            }
            count.incrementAndGet();
        } finally {
            lock.unlock();
        }
        if (stale != null) {
            announce(stale.user(), PresenceState.OFFLINE, session.since(), others);
        }
        announce(session.user(), PresenceState.ONLINE, session.since(), others);
        onChange.run();
        return new Entered(session, stale);
    }

    /** Refuses a user whose ban has not ended yet, forgetting a ban that has. Hold the lock. */
    private void refuseIfBanned(String user) {
        Instant until = bans.get(user);
        if (until == null) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            bans.remove(user);
            return;
        }
        long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        throw new ChatException(ErrorCode.BANNED, "You were kicked out of the room and cannot come back before "
                + timestamps.format(until) + " (in " + seconds + " s).", null, seconds, null);
    }

    /**
     * Bans a user from the room until {@code until} and returns the user's active sessions, for
     * the caller to end; or null when a ban of the user is already in force (another kick came
     * first). A login that had not entered yet is refused; one that had is returned.
     */
    public List<Session> ban(String user, Instant until) {
        lock.lock();
        try {
            Instant now = clock.instant();
            bans.values().removeIf(end -> !end.isAfter(now)); // forget the bans that ended
            if (bans.putIfAbsent(user, until) != null) {
                return null;
            }
            return List.copyOf(byUser.getOrDefault(user, List.of()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The user's present stay in the room, or empty if the user is offline. Stays only grow: a
     * user who leaves and comes back has a later one.
     */
    public java.util.OptionalLong stay(String user) {
        lock.lock();
        try {
            Long stay = stays.get(user);
            return stay == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(stay);
        } finally {
            lock.unlock();
        }
    }

    /** Ends a session: it leaves the active log, which is renumbered. Safe to call twice. */
    public void leave(Session session) {
        List<Session> others;
        Instant at = clock.instant();
        lock.lock();
        try {
            if (!remove(session, at)) {
                return;
            }
            others = List.copyOf(watchers);
        } finally {
            lock.unlock();
        }
        announce(session.user(), PresenceState.OFFLINE, at, others);
        onChange.run();
    }

    /** Takes a session out of every index and records its logout; false if it had left already. Hold the lock. */
    private boolean remove(Session session, Instant at) {
        if (!active.remove(session)) {
            return false;
        }
        List<Session> sessions = byUser.get(session.user());
        sessions.remove(session);
        if (sessions.isEmpty()) {
            byUser.remove(session.user());
            stays.remove(session.user());
            statuses.remove(session.user());
            doNotDisturb.remove(session.user());
        }
        watchers.remove(session);
        count.decrementAndGet();
        store.recordLogout(session.loginId(), at);
        return true;
    }

    private void announce(String user, PresenceState state, Instant at, List<Session> others) {
        announce(user, new ServerMessage.Presence(user, state, timestamps.format(at)), others);
    }

    /** Pushes an event about {@code user} to the given watchers but the user's own sessions and those who block the user. */
    private void announce(String user, ServerMessage.Event event, List<Session> others) {
        for (Session other : others) {
            if (!other.user().equals(user) && !blocks.blocks(other.user(), user)) {
                other.out().push(event);
            }
        }
    }

    /** Tells every watcher but the user and those who block the user about a change of the user's (a profile edit). */
    void tellWatchers(String user, ServerMessage.Event event) {
        announce(user, event, watchers());
    }

    /** Pushes an event to every session of the given users. */
    void tell(java.util.Collection<String> users, ServerMessage.Event event) {
        List<Session> targets = new ArrayList<>();
        lock.lock();
        try {
            for (String user : users) {
                targets.addAll(byUser.getOrDefault(user, List.of()));
            }
        } finally {
            lock.unlock();
        }
        targets.forEach(session -> session.out().push(event));
    }

    private List<Session> watchers() {
        lock.lock();
        try {
            return List.copyOf(watchers);
        } finally {
            lock.unlock();
        }
    }

    /** Sets an online user's status and tells the watchers; answers with the status as set. */
    public ServerMessage.Ok setStatus(long requestId, String user, UserStatus status, String text) {
        ServerMessage.Status event;
        List<Session> others;
        lock.lock();
        try {
            if (!byUser.containsKey(user)) {
                throw new ChatException(ErrorCode.NOT_LOGGED_IN, "log in first");
            }
            event = new ServerMessage.Status(user, status, text == null || text.isBlank() ? null : text,
                    timestamps.format(clock.instant()));
            statuses.put(user, event);
            if (status == UserStatus.DND) {
                doNotDisturb.add(user);
            } else {
                doNotDisturb.remove(user);
            }
            others = List.copyOf(watchers);
        } finally {
            lock.unlock();
        }
        announce(user, event, others);
        return new ServerMessage.Ok(requestId, "Your status is " + status.wire()
                + (event.text() == null ? "" : " (" + event.text() + ")") + ".");
    }

    /**
     * A user's status as others see it: empty when the user is offline or appears offline;
     * {@code self} sees their own as set.
     */
    public java.util.Optional<ServerMessage.Status> status(String user, boolean self) {
        lock.lock();
        try {
            ServerMessage.Status status = statuses.get(user);
            return status == null || (!self && status.status() == UserStatus.OFFLINE)
                    ? java.util.Optional.empty() : java.util.Optional.of(status);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the user is on do-not-disturb: messages are delivered without notifying. */
    public boolean doNotDisturb(String user) {
        return doNotDisturb.contains(user);
    }

    /** The active sessions of users other than {@code self} (Toom's ATU). */
    public ServerMessage.ActiveUsers who(long requestId, String self, String after) {
        Pages.Cut<ActiveUser> cut = activeAfter(after, self);
        return new ServerMessage.ActiveUsers(requestId, cut.items(), cut.next(),
                cut.items().isEmpty() && after == null ? NO_OTHER_ACTIVE_USER : null);
    }

    /** Every active session, numbered in login order (Toom's userlog.txt). */
    public ServerMessage.ActiveUsers userLog(long requestId, String after) {
        Pages.Cut<ActiveUser> cut = activeAfter(after, null);
        return new ServerMessage.ActiveUsers(requestId, cut.items(), cut.next(),
                cut.items().isEmpty() && after == null ? "no active user" : null);
    }

    private Pages.Cut<ActiveUser> activeAfter(String after, String excludedUser) {
        long afterLogin = Pages.cursor(after);
        List<ActiveUser> entries = new ArrayList<>();
        List<Long> loginIds = new ArrayList<>();
        collect(afterLogin, excludedUser, entries, loginIds);
        return Pages.cut(entries, false, i -> Long.toString(loginIds.get(i)));
    }

    /** Every active session, numbered in login order, unpaged (Toom's userlog.txt). */
    List<ActiveUser> activeUsers() {
        List<ActiveUser> entries = new ArrayList<>();
        collect(0, null, entries, new ArrayList<>());
        return entries;
    }

    private void collect(long afterLogin, String excludedUser, List<ActiveUser> entries, List<Long> loginIds) {
        lock.lock();
        try {
            int number = 0;
            for (Session s : active) {
                number++;
                ServerMessage.Status status = statuses.get(s.user());
                UserStatus shown = status == null ? null : status.status();
                // who leaves out users who appear offline; Toom's user log keeps every session
                boolean hidden = excludedUser != null && shown == UserStatus.OFFLINE;
                if (s.loginId() > afterLogin && !s.user().equals(excludedUser) && !hidden) {
                    entries.add(new ActiveUser(number, s.user(), timestamps.format(s.since()), s.address(), s.udpPort(),
                            shown));
                    loginIds.add(s.loginId());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Users other than {@code self} who logged in within {@code seconds}, online or not. */
    public ServerMessage.RecentUsers whoElseSince(long requestId, String self, long seconds, String after) {
        Instant since = clock.instant().minus(Duration.ofSeconds(seconds));
        List<LoginStore.LastLogin> logins = store.lastLoginsSince(since, after, HISTORY_PAGE + 1);
        boolean more = logins.size() > HISTORY_PAGE;
        Set<String> online = onlineUsers();
        List<RecentUser> entries = logins.stream().limit(HISTORY_PAGE)
                .filter(login -> !login.user().equals(self))
                .map(login -> new RecentUser(login.user(), timestamps.format(login.at()), online.contains(login.user())))
                .toList();
        Pages.Cut<RecentUser> cut = Pages.cut(entries, more, i -> entries.get(i).user());
        String message = cut.items().isEmpty() && after == null
                ? "no other user logged in within the last " + seconds + " seconds" : null;
        return new ServerMessage.RecentUsers(requestId, cut.items(), cut.next(), message);
    }

    private Set<String> onlineUsers() {
        lock.lock();
        try {
            return new HashSet<>(byUser.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** Every active session, in login order. */
    public List<Session> sessions() {
        lock.lock();
        try {
            return List.copyOf(active);
        } finally {
            lock.unlock();
        }
    }

    /** The user's most recent session that takes peer-to-peer datagrams (logged in with a UDP port), if any. */
    public java.util.Optional<Session> reachableOverUdp(String user) {
        return sessions().stream()
                .filter(s -> s.user().equals(user) && s.udpPort() != null && s.udpPort() > 0)
                .max(java.util.Comparator.comparing(Session::since));
    }

    /** How many sessions are active; never waits, so a stats sampler cannot stall behind a login. */
    public int sessionCount() {
        return count.get();
    }
}
