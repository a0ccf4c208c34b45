package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.GroupInfo;
import chatlab.protocol.GroupMember;
import chatlab.protocol.ServerMessage;
import chatlab.protocol.StoredMessage;
import chatlab.protocol.Timestamps;
import chatlab.store.GroupStore;
import chatlab.store.MessageStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Named groups (Compsys 302's group messaging): made by a user who is their first member, joined
 * by anyone when open, else by invitation; their messages go through {@link MessagingService}
 * with the same delivery promise as every other chat message. Members see joins, leaves and
 * invitations live as {@code groupChanged} events; whoever is invited sees their invitation.
 */
final class GroupService {
    private static final int PAGE = 200;

    private final GroupStore store;
    private final MessageStore messages;
    private final AccountService accounts;
    private final PresenceService presence;
    private final InstantSource clock;
    private final Timestamps timestamps;

    GroupService(GroupStore store, MessageStore messages, AccountService accounts, PresenceService presence,
            InstantSource clock, Timestamps timestamps) {
        this.store = store;
        this.messages = messages;
        this.accounts = accounts;
        this.presence = presence;
        this.clock = clock;
        this.timestamps = timestamps;
    }

    ServerMessage.Ok create(long requestId, String user, ClientMessage.CreateGroup request) {
        if (!store.create(request.group(), user, request.about(), request.isOpen(), now())) {
            throw new ChatException(ErrorCode.GROUP_EXISTS, "A group named " + request.group() + " exists already");
        }
        return new ServerMessage.Ok(requestId, "Group " + request.group() + " created"
                + (request.isOpen() ? ": anyone can join." : ": invite its members."));
    }

    ServerMessage.Ok invite(long requestId, String user, String group, String invitee) {
        requireMember(group, user);
        accounts.requireExists(invitee);
        if (store.isMember(group, invitee)) {
            return new ServerMessage.Ok(requestId, invitee + " is a member of " + group + " already.");
        }
        Instant at = now();
        if (store.invite(group, invitee, user, at)) {
            tell(group, invitee, new ServerMessage.GroupChanged(group, invitee, "invited", user, timestamps.format(at)));
        }
        return new ServerMessage.Ok(requestId, invitee + " is invited to " + group + ".");
    }

    ServerMessage.Ok join(long requestId, String user, String group) {
        GroupStore.Group found = require(group);
        if (store.isMember(group, user)) {
            return new ServerMessage.Ok(requestId, "You are a member of " + group + " already.");
        }
        if (!found.open() && !store.isInvited(group, user)) {
            throw new ChatException(ErrorCode.NOT_INVITED, group + " takes members by invitation only; ask a member "
                    + "to invite you");
        }
        Instant at = now();
        if (store.join(group, user, at)) {
            tell(group, null, new ServerMessage.GroupChanged(group, user, "joined", null, timestamps.format(at)));
        }
        return new ServerMessage.Ok(requestId, "You joined " + group + ".");
    }

    ServerMessage.Ok leave(long requestId, String user, String group) {
        require(group);
        Instant at = now();
        if (!store.leave(group, user)) {
            throw new ChatException(ErrorCode.NOT_A_MEMBER, "You are not a member of " + group);
        }
        tell(group, user, new ServerMessage.GroupChanged(group, user, "left", null, timestamps.format(at)));
        return new ServerMessage.Ok(requestId, "You left " + group + ".");
    }

    ServerMessage.GroupList groups(long requestId, String user, String after) {
        List<GroupStore.Listed> found = store.visibleTo(user, after, PAGE + 1);
        List<GroupInfo> infos = found.stream().limit(PAGE).map(listed -> {
            GroupStore.Group g = listed.group();
            return new GroupInfo(g.name(), g.about().isEmpty() ? null : g.about(), g.owner(), g.open(), g.members(),
                    listed.member(), timestamps.format(g.createdAt()));
        }).toList();
        Pages.Cut<GroupInfo> cut = Pages.cut(infos, found.size() > PAGE, i -> infos.get(i).name());
        return new ServerMessage.GroupList(requestId, cut.items(), cut.next(),
                cut.items().isEmpty() && after == null ? "no group yet: create one with createGroup" : null);
    }

    ServerMessage.MemberList members(long requestId, String user, String group, String after) {
        requireMember(group, user);
        List<GroupStore.Member> found = store.members(group, after, PAGE + 1);
        List<GroupMember> members = found.stream().limit(PAGE)
                .map(m -> new GroupMember(m.user(), timestamps.format(m.since()))).toList();
        Pages.Cut<GroupMember> cut = Pages.cut(members, found.size() > PAGE, i -> members.get(i).user());
        return new ServerMessage.MemberList(requestId, group, cut.items(), cut.next());
    }

    /** A group's messages, newest first; members only. The cursor is the oldest message id given. */
    ServerMessage.Messages history(long requestId, String user, String group, String after) {
        requireMember(group, user);
        long before = Pages.cursor(after);
        List<MessageStore.Kept> found = messages.groupHistory(group, before, PAGE + 1);
        List<StoredMessage> page = found.stream().limit(PAGE).map(this::stored).toList();
        Pages.Cut<StoredMessage> cut = Pages.cut(page, found.size() > PAGE, i -> Long.toString(page.get(i).messageId()));
        return new ServerMessage.Messages(requestId, cut.items(), cut.next(),
                cut.items().isEmpty() && after == null ? "no message in " + group + " yet" : null);
    }

    StoredMessage stored(MessageStore.Kept kept) {
        return new StoredMessage(kept.messageId(), kept.sender(), kept.mode(), kept.group(), kept.text(),
                chatlab.protocol.TextFormat.fromStored(kept.format()),
                timestamps.format(kept.sentAt()), kept.snippet(), kept.boardNumber());
    }

    /**
     * The members a group message goes to: every member but the sender, who must be one. One
     * query when the sender is a member, as on every group send; the refusals look further.
     */
    List<String> recipients(String group, String sender) {
        List<String> members = store.memberNames(group);
        if (!members.contains(sender)) {
            requireMember(group, sender); // no such group, or not a member
        }
        return members.stream().filter(u -> !u.equals(sender)).toList();
    }

    private GroupStore.Group require(String group) {
        return store.find(group).orElseThrow(() -> new ChatException(ErrorCode.NO_SUCH_GROUP,
                "There is no group named " + group));
    }

    private void requireMember(String group, String user) {
        require(group);
        if (!store.isMember(group, user)) {
            throw new ChatException(ErrorCode.NOT_A_MEMBER, "You are not a member of " + group);
        }
    }

    /** Tells the group's members, and {@code also} (an invitee, or one who left), about a change. */
    private void tell(String group, String also, ServerMessage.GroupChanged event) {
        java.util.Set<String> users = new java.util.LinkedHashSet<>(store.memberNames(group));
        if (also != null) {
            users.add(also);
        }
        presence.tell(users, event);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }
}
