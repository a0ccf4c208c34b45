package chatlab.server;

import chatlab.protocol.Audience;
import chatlab.protocol.ChatException;
import chatlab.protocol.ClientMessage;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.FileRoute;
import chatlab.protocol.ServerMessage;
import chatlab.p2p.wire.TransferKeys;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brokers peer-to-peer file transfers. The file itself never passes through the server: it
 * names each recipient's UDP endpoint, makes a transfer id and a fresh AES key per recipient,
 * gives them to the sender in its answer and to the recipient in an {@code incomingFile} event.
 */
public final class TransferService {
    /** Transfer ids fit in 52 bits, so that JavaScript clients hold them exactly. */
    private static final long ID_MASK = (1L << 52) - 1;

    private final Audiences audiences;
    private final PresenceService presence;
    private final SecureRandom random = new SecureRandom();

    TransferService(Audiences audiences, PresenceService presence) {
        this.audiences = audiences;
        this.presence = presence;
    }

    public ServerMessage.FileOffers offer(long requestId, Session sender, ClientMessage.SendFile request) {
        if (sender.udpPort() == null || sender.udpPort() == 0) {
            throw new ChatException(ErrorCode.NO_UDP_PORT,
                    "Log in with a UDP port (the client's --udp-port) to send files");
        }
        Audiences.Split split = audiences.resolve(sender.user(), request.mode(), request.to(), request.except(), request.group());
        List<FileRoute> routes = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        List<Session> receivers = new ArrayList<>();
        for (String user : split.recipients()) {
            Optional<Session> session = presence.reachableOverUdp(user);
            if (session.isPresent()) {
                receivers.add(session.get());
            } else {
                offline.add(user);
            }
        }
        boolean named = request.mode() == Audience.UNICAST || request.mode() == Audience.MULTICAST;
        if (receivers.isEmpty() && named && !offline.isEmpty()) {
            throw new ChatException(ErrorCode.USER_OFFLINE, String.join(", ", offline)
                    + (offline.size() == 1 ? " is offline" : " are offline"));
        }
        if (receivers.isEmpty() && named && !split.blockedBy().isEmpty()) {
            throw new ChatException(ErrorCode.RECIPIENT_BLOCKED, MessagingService.RECIPIENT_BLOCKED);
        }
        for (Session receiver : receivers) {
            long transferId = random.nextLong() & ID_MASK;
            String key = TransferKeys.encode(TransferKeys.fresh());
            receiver.out().push(new ServerMessage.IncomingFile(sender.user(), request.fileName(), request.size(),
                    request.sha256(), transferId, key, sender.address(), sender.udpPort(),
                    request.mode() == Audience.GROUP ? request.group() : null));
            routes.add(new FileRoute(receiver.user(), transferId, key, receiver.address(), receiver.udpPort()));
        }
        return new ServerMessage.FileOffers(requestId, routes, offline, split.blockedBy(),
                describe(request.fileName(), routes.size(), offline, split.blockedBy()));
    }

    private static String describe(String file, int routes, List<String> offline, List<String> blockedBy) {
        StringBuilder text = new StringBuilder("Sending " + file + " to " + routes + (routes == 1 ? " user" : " users"));
        if (!offline.isEmpty()) {
            text.append("; ").append(offline.size() <= 10 ? String.join(", ", offline) : offline.size() + " users")
                    .append(offline.size() == 1 ? " is offline" : " are offline");
        }
        if (!blockedBy.isEmpty()) {
            text.append("; blocked by ").append(String.join(", ", blockedBy));
        }
        return text.append('.').toString();
    }
}
