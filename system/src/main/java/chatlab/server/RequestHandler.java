package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.Protocol;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out one request for a connection: the one place that switches over every request type. */
final class RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);
    static final String SERVER_NAME = "chatlab/" + Version.get();

    private final AccountService accounts;
    private final PresenceService presence;
    private final MessagingService messaging;
    private final BoardService board;
    private final BlockService blocks;
    private final TransferService transfers;
    private final TracingService tracing;
    private final RoomService room;
    private final Timestamps timestamps;
    private final boolean signupEnabled;
    private final java.time.Duration idleTimeout;

    private final chatlab.protocol.Profile profile;
    private final Compsys compsys;

    /** The services of Compsys 302's web chat: profiles, groups, search, and the key directory for messages between peers. */
    record Compsys(ProfileService profiles, GroupService groups, SearchService search, KeyService keys) {
    }

    RequestHandler(AccountService accounts, PresenceService presence, MessagingService messaging, BoardService board,
            BlockService blocks, TransferService transfers, TracingService tracing, RoomService room, Compsys compsys,
            Timestamps timestamps, boolean signupEnabled, java.time.Duration idleTimeout, chatlab.protocol.Profile profile) {
        this.compsys = compsys;
        this.idleTimeout = idleTimeout;
        this.profile = profile;
        this.room = room;
        this.transfers = transfers;
        this.tracing = tracing;
        this.accounts = accounts;
        this.presence = presence;
        this.messaging = messaging;
        this.board = board;
        this.blocks = blocks;
        this.timestamps = timestamps;
        this.signupEnabled = signupEnabled;
    }

    /** Returns the response, or null when the response was already queued. */
    ServerMessage.Response handle(Connection connection, ClientMessage request) {
        if (!connection.handshaken() && !(request instanceof ClientMessage.Hello)) {
            throw new ChatException(ErrorCode.HANDSHAKE_REQUIRED,
                    "send a hello first, e.g. {\"type\":\"hello\",\"id\":1,\"version\":" + Protocol.VERSION + "}");
        }
        Session session = connection.session();
        if (session == null && needsLogin(request)) {
            throw new ChatException(ErrorCode.NOT_LOGGED_IN, "log in first");
        }
        if ((request instanceof ClientMessage.Signup || request instanceof ClientMessage.Login) && room.guarded()
                && !connection.admitted()) {
            throw new ChatException(ErrorCode.ROOM_PASSWORD_REQUIRED, "This room has a password: give it first, "
                    + "e.g. {\"type\":\"room\",\"id\":2,\"password\":\"...\"} (the terminal client asks for it)");
        }
        return switch (request) {
            case ClientMessage.Hello hello -> hello(connection, hello);
            case ClientMessage.Signup signup -> signup(signup);
            case ClientMessage.Login login -> login(connection, login);
            case ClientMessage.Room entry -> {
                String greeting;
                try {
                    greeting = room.enter(connection.address(), entry.password());
                } catch (ChatException e) {
                    LOG.info("room password from {} refused: {}", connection.address(), e.code().wire());
                    throw e;
                }
                connection.admit();
                yield new ServerMessage.Ok(entry.id(), greeting);
            }
            case ClientMessage.Kick kick -> room.vote(kick.id(), session.user(), kick.user());
            case ClientMessage.Logout logout -> {
                connection.endSession();
                yield new ServerMessage.Ok(logout.id(), "Bye, " + session.user() + "!");
            }
            case ClientMessage.Send send -> messaging.send(send.id(), session.user(), send);
            case ClientMessage.Ack ack -> {
                messaging.acknowledge(session.user(), ack.upTo());
                yield new ServerMessage.Ok(ack.id(), "acknowledged up to " + ack.upTo());
            }
            case ClientMessage.Post post -> board.post(post.id(), session.user(), post.text());
            case ClientMessage.Edit edit -> board.edit(edit.id(), session.user(), edit.number(), edit.timestamp(),
                    edit.text());
            case ClientMessage.Delete delete -> board.delete(delete.id(), session.user(), delete.number(),
                    delete.timestamp());
            case ClientMessage.Read read -> board.readSince(read.id(), read.since(), read.after());
            case ClientMessage.Who who -> presence.who(who.id(), session.user(), who.after());
            case ClientMessage.WhoElseSince since -> presence.whoElseSince(since.id(), session.user(), since.seconds(),
                    since.after());
            case ClientMessage.Block block -> new ServerMessage.Ok(block.id(), blocks.block(session.user(), block.user()));
            case ClientMessage.Unblock unblock -> new ServerMessage.Ok(unblock.id(),
                    blocks.unblock(session.user(), unblock.user()));
            case ClientMessage.UserLog log -> presence.userLog(log.id(), log.after());
            case ClientMessage.MessageLog log -> board.log(log.id(), log.after());
            case ClientMessage.SendFile file -> transfers.offer(file.id(), session, file);
            case ClientMessage.DownloadTempId download -> tracing.issue(download.id(), session.user());
            case ClientMessage.UploadContacts upload -> tracing.store(upload.id(), session.user(), upload);
            case ClientMessage.TraceContacts trace -> tracing.trace(trace.id(), session.user());
            case ClientMessage.Ping ping -> new ServerMessage.Ok(ping.id(), "pong");
            case ClientMessage.SetProfile set -> compsys.profiles().update(set.id(), session.user(), set.displayName(),
                    set.about());
            case ClientMessage.SetAvatar set -> compsys.profiles().setAvatar(set.id(), session.user(), set.data());
            case ClientMessage.GetProfile get -> new ServerMessage.ProfileInfo(get.id(),
                    compsys.profiles().profile(session.user(), get.user()));
            case ClientMessage.GetAvatar get -> compsys.profiles().avatar(get.id(), get.user());
            case ClientMessage.PublishKey publish -> compsys.keys().publish(publish.id(), session.user(), publish.key());
            case ClientMessage.GetKey get -> compsys.keys().find(get.id(), get.user());
            case ClientMessage.Peer peer -> compsys.keys().peer(peer.id(), session.user(), peer.user());
            case ClientMessage.SetStatus set -> presence.setStatus(set.id(), session.user(), set.status(), set.text());
            case ClientMessage.CreateGroup create -> compsys.groups().create(create.id(), session.user(), create);
            case ClientMessage.Invite invite -> compsys.groups().invite(invite.id(), session.user(), invite.group(),
                    invite.user());
            case ClientMessage.Join join -> compsys.groups().join(join.id(), session.user(), join.group());
            case ClientMessage.Leave leave -> compsys.groups().leave(leave.id(), session.user(), leave.group());
            case ClientMessage.Groups groups -> compsys.groups().groups(groups.id(), session.user(), groups.after());
            case ClientMessage.Members members -> compsys.groups().members(members.id(), session.user(), members.group(),
                    members.after());
            case ClientMessage.History history -> compsys.groups().history(history.id(), session.user(),
                    history.group(), history.after());
            case ClientMessage.SearchMessages search -> compsys.search().messages(search.id(), session.user(),
                    search.query(), search.after());
            case ClientMessage.SearchUsers search -> compsys.search().users(search.id(), session.user(), search.query(),
                    search.after());
        };
    }

    private static boolean needsLogin(ClientMessage request) {
        return switch (request) {
            case ClientMessage.Hello h -> false;
            case ClientMessage.Signup s -> false;
            case ClientMessage.Login l -> false;
            case ClientMessage.Ping p -> false;
            case ClientMessage.Room r -> false;
            case ClientMessage.Kick k -> true;
            case ClientMessage.Logout l -> true;
            case ClientMessage.Send s -> true;
            case ClientMessage.Ack a -> true;
            case ClientMessage.Post p -> true;
            case ClientMessage.Edit e -> true;
            case ClientMessage.Delete d -> true;
            case ClientMessage.Read r -> true;
            case ClientMessage.Who w -> true;
            case ClientMessage.WhoElseSince w -> true;
            case ClientMessage.Block b -> true;
            case ClientMessage.Unblock u -> true;
            case ClientMessage.UserLog u -> true;
            case ClientMessage.MessageLog m -> true;
            case ClientMessage.SendFile f -> true;
            case ClientMessage.DownloadTempId d -> true;
            case ClientMessage.UploadContacts u -> true;
            case ClientMessage.TraceContacts t -> true;
            case ClientMessage.SetProfile p -> true;
            case ClientMessage.SetAvatar a -> true;
            case ClientMessage.GetProfile p -> true;
            case ClientMessage.GetAvatar a -> true;
            case ClientMessage.PublishKey p -> true;
            case ClientMessage.GetKey g -> true;
            case ClientMessage.Peer p -> true;
            case ClientMessage.SetStatus s -> true;
            case ClientMessage.CreateGroup c -> true;
            case ClientMessage.Invite i -> true;
            case ClientMessage.Join j -> true;
            case ClientMessage.Leave l -> true;
            case ClientMessage.Groups g -> true;
            case ClientMessage.Members m -> true;
            case ClientMessage.History h -> true;
            case ClientMessage.SearchMessages s -> true;
            case ClientMessage.SearchUsers s -> true;
        };
    }

    private ServerMessage.Response hello(Connection connection, ClientMessage.Hello hello) {
        if (connection.handshaken()) {
            throw new ChatException(ErrorCode.INVALID_ARGUMENT, "the handshake was already done");
        }
        if (hello.version() != Protocol.VERSION) {
            connection.respond(new ServerMessage.Error(hello.id(), ErrorCode.UNSUPPORTED_VERSION,
                    "This server speaks protocol version " + Protocol.VERSION + " only; the client asked for version "
                            + hello.version() + ". The connection will be closed.", null, null));
            connection.closeAfterQueued();
            return null;
        }
        connection.handshake(hello.wantsPresence());
        return new ServerMessage.Welcome(hello.id(), Protocol.VERSION, SERVER_NAME, Protocol.MAX_FRAME_BYTES,
                timestamps.zone().getId(), idleTimeout.isZero() ? null : (int) idleTimeout.toSeconds(),
                room.guarded() ? Boolean.TRUE : null, profile.wire());
    }

    private ServerMessage.Response signup(ClientMessage.Signup signup) {
        if (!signupEnabled) {
            throw new ChatException(ErrorCode.SIGNUP_DISABLED, "This server does not take signups");
        }
        accounts.signup(signup.user(), signup.password());
        LOG.info("account {} created", signup.user());
        return new ServerMessage.Ok(signup.id(), "Account " + signup.user() + " created. You can log in now.");
    }

    private ServerMessage.Response login(Connection connection, ClientMessage.Login login) {
        if (connection.session() != null) {
            throw new ChatException(ErrorCode.ALREADY_LOGGED_IN,
                    "You are already logged in as " + connection.session().user());
        }
        try {
            accounts.login(login.user(), login.password());
        } catch (ChatException e) {
            LOG.info("login of {} from {} refused: {}", login.user(), connection.address(), e.code().wire());
            throw e;
        }
        // The password is proven: the same client instance may take over its own stale session.
        PresenceService.Entered entered = presence.enter(login.user(), connection.address(), login.udpPort(),
                login.instance(), connection);
        Session session = entered.session();
        if (entered.replaced() != null) {
            LOG.info("{} logged in again from instance {}: its session from {} is replaced", login.user(),
                    login.instance(), entered.replaced().address());
            // before the new session attaches, so messaging sees one at a time
            entered.replaced().out().end(ErrorCode.SESSION_REPLACED, "Your session was replaced: this client logged in "
                    + "again on a new connection, so this one is closed.");
        }
        LOG.info("{} logged in from {}", session.user(), session.address());
        Boolean replaced = entered.replaced() == null ? null : Boolean.TRUE;
        messaging.attach(session, pending -> new ServerMessage.LoggedIn(login.id(), session.user(),
                timestamps.format(session.since()), profile.welcome(), pending, replaced));
        connection.session(session);
        return null;
    }
}
