package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSC573 room: its password, kicking a user out by the votes of others or by the operator,
 * and the operator's announcements.
 *
 * <p>Wrong room passwords are counted per client address, as failed logins are per account,
 * and block the address for a while. A vote counts for the target's present stay in the room
 * only: once the target leaves, the votes against it lapse.
 */
public final class RoomService {
    private static final Logger LOG = LoggerFactory.getLogger(RoomService.class);
    /** CSC573's greeting once the room password is right. */
    static final String WELCOME = "Authentication successful:) Welcome to chatroom!!!";
    static final String NO_PASSWORD = "This room has no password: sign up or log in.";

    private final RoomPolicy policy;
    private final PasswordHasher hasher;
    private final AccountService accounts;
    private final PresenceService presence;
    private final InstantSource clock;
    private final Timestamps timestamps;
    private final Lockouts<String> wrongPasswords;
    private final ReentrantLock lock = new ReentrantLock();
    /** target → the votes against the target's present stay; guarded by {@link #lock}. */
    private final Map<String, Ballot> ballots = new HashMap<>();

    /** The votes against one stay of a user in the room: {@code stay} is the login that began it. */
    private record Ballot(long stay, Map<String, Instant> votes) {
    }

    public RoomService(RoomPolicy policy, PasswordHasher hasher, LockoutPolicy lockout, AccountService accounts,
            PresenceService presence, InstantSource clock, Timestamps timestamps) {
        this.policy = policy;
        this.hasher = hasher;
        this.accounts = accounts;
        this.presence = presence;
        this.clock = clock;
        this.timestamps = timestamps;
        // addresses come and go: a count is forgotten after a block's length without another failure
        this.wrongPasswords = new Lockouts<>(lockout, clock, lockout.blockDuration());
    }

    /** Whether clients must give the room password before they sign up or log in. */
    public boolean guarded() {
        return policy.guarded();
    }

    /**
     * Checks a room password given from {@code address}; returns the greeting, or throws
     * {@code wrong_room_password} (with the attempts left) or {@code room_blocked}.
     */
    public String enter(String address, String password) {
        if (!policy.guarded()) {
            return NO_PASSWORD;
        }
        long blocked = wrongPasswords.blockedFor(address);
        if (blocked > 0) {
            throw roomBlocked(blocked);
        }
        Lockouts.Outcome outcome = wrongPasswords.attempt(address, hasher.verify(password, policy.passwordHash()));
        return switch (outcome.verdict()) {
            case ACCEPTED -> WELCOME;
            case REJECTED -> throw new ChatException(ErrorCode.WRONG_ROOM_PASSWORD,
                    "Wrong room password. Please try again", outcome.attemptsLeft(), null, null);
            case BLOCKED_NOW, BLOCKED -> {
                LOG.info("room password: {} blocked for {} s after repeated wrong passwords", address,
                        outcome.retryAfterSeconds());
                throw roomBlocked(outcome.retryAfterSeconds());
            }
        };
    }

    private static ChatException roomBlocked(long seconds) {
        return new ChatException(ErrorCode.ROOM_BLOCKED, "Too many wrong room passwords from your address. Please try "
                + "again in " + seconds + " s", 0, seconds, null);
    }

    /**
     * Counts {@code voter}'s vote to kick {@code target}. Votes older than the window no longer
     * count, a second vote by the same voter counts once, and the vote that reaches the number
     * needed removes the target.
     */
    public ServerMessage.KickVote vote(long requestId, String voter, String target) {
        if (voter.equals(target)) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "You cannot vote to kick yourself");
        }
        if (!accounts.exists(target)) {
            throw new ChatException(ErrorCode.UNKNOWN_USER, "There is no user named " + target);
        }
        long stay = presence.stay(target).orElseThrow(
                () -> new ChatException(ErrorCode.USER_OFFLINE, target + " is not in the room"));
        Instant now = clock.instant();
        int needed = policy.kickVotes();
        boolean counted;
        List<String> voters;
        lock.lock();
        try {
            lapse(now);
            Ballot ballot = ballots.get(target);
            // stays only grow: a later one starts a new ballot; an earlier one was read before the
            // target came back, and the vote counts for the stay in progress
            if (ballot == null || ballot.stay() < stay) {
                ballot = new Ballot(stay, new LinkedHashMap<>());
                ballots.put(target, ballot);
            }
            counted = ballot.votes().putIfAbsent(voter, now) == null;
            voters = List.copyOf(ballot.votes().keySet());
            if (voters.size() >= needed) {
                ballots.remove(target);
            }
        } finally {
            lock.unlock();
        }
        if (voters.size() >= needed) {
            remove(target, voters);
            return new ServerMessage.KickVote(requestId, target, voters.size(), needed, true,
                    target + " was kicked out of the room by the votes of " + String.join(", ", voters) + ".");
        }
        String tally = voters.size() + " of the " + needed + " votes needed within "
                + chatlab.p2p.impair.Units.format(policy.kickWindow()) + ".";
        LOG.info("{} voted to kick {}: {}", voter, target, tally);
        return new ServerMessage.KickVote(requestId, target, voters.size(), needed, false,
                (counted ? "Your vote to kick " + target + " is counted: " : "You already voted to kick " + target
                        + "; a vote counts once: ") + tally);
    }

    /** Forgets the votes older than the window. Hold the lock. */
    private void lapse(Instant now) {
        Instant oldest = now.minus(policy.kickWindow());
        ballots.values().removeIf(ballot -> {
            ballot.votes().values().removeIf(at -> at.isBefore(oldest));
            return ballot.votes().isEmpty();
        });
    }

    /**
     * The operator removes {@code target} at once. Returns what happened, for the console;
     * throws {@code user_offline} when the target is not in the room.
     */
    public String kick(String target) {
        if (presence.stay(target).isEmpty()) {
            throw new ChatException(ErrorCode.USER_OFFLINE, target + " is not in the room");
        }
        lock.lock();
        try {
            ballots.remove(target);
        } finally {
            lock.unlock();
        }
        return remove(target, List.of());
    }

    /**
     * Bans the target, ends each of its sessions with the reason, and tells everyone else.
     * {@code voters} is empty when the operator kicked.
     */
    private String remove(String target, List<String> voters) {
        Instant until = clock.instant().plus(policy.kickBan());
        String by = voters.isEmpty() ? "the server's operator" : "the votes of " + String.join(", ", voters);
        String when = timestamps.format(until);
        List<Session> sessions = presence.ban(target, until);
        if (sessions == null) {
            return target + " was kicked out of the room already.";
        }
        for (Session session : sessions) {
            session.out().end(ErrorCode.KICKED, "You were kicked out of the room by " + by + ". You can come back after "
                    + when + ".");
        }
        String message = target + " was kicked out of the room by " + by + ".";
        ServerMessage.Kicked event = new ServerMessage.Kicked(target, voters, when, message);
        for (Session other : presence.sessions()) {
            if (!other.user().equals(target)) {
                other.out().push(event);
            }
        }
        LOG.info("{} (banned until {}; {} session{} ended)", message, when, sessions.size(),
                sessions.size() == 1 ? "" : "s");
        return message;
    }

    /** An announcement from the operator to everyone logged in; returns how many sessions it went to. */
    public int say(String text) {
        if (text.isBlank() || text.length() > chatlab.protocol.Protocol.MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("an announcement is 1 to " + chatlab.protocol.Protocol.MAX_TEXT_CHARS
                    + " characters");
        }
        ServerMessage.Notice notice = new ServerMessage.Notice(text, timestamps.format(clock.instant()));
        int sent = 0;
        for (Session session : presence.sessions()) {
            if (session.out().push(notice)) {
                sent++;
            }
        }
        return sent;
    }

    /** The votes now standing against each user, for the console. */
    public Map<String, Integer> standingVotes() {
        Map<String, Ballot> standing = new LinkedHashMap<>();
        lock.lock();
        try {
            lapse(clock.instant());
            ballots.forEach((target, ballot) -> standing.put(target, new Ballot(ballot.stay(),
                    new LinkedHashMap<>(ballot.votes()))));
        } finally {
            lock.unlock();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        standing.forEach((target, ballot) -> {
            if (presence.stay(target).orElse(-1) == ballot.stay()) { // not the votes of an ended stay
                counts.put(target, ballot.votes().size());
            }
        });
        return counts;
    }

    /** The users in the room now, in login order, for the console. */
    public List<String> users() {
        List<String> users = new ArrayList<>();
        for (Session session : presence.sessions()) {
            users.add(session.user() + " (" + session.address() + ", since " + timestamps.format(session.since()) + ")");
        }
        return users;
    }
}
