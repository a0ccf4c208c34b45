package chatlab.driver.chatlab;

import chatlab.client.ChatClient;
import chatlab.client.ChatListener;
import chatlab.client.ClientOptions;
import chatlab.driver.Connection;
import chatlab.driver.Driver;
import chatlab.driver.Inbox;
import chatlab.protocol.ChatException;
import chatlab.protocol.PresenceState;
import chatlab.protocol.ServerMessage;
import chatlab.tls.ChannelSecurity;
import java.net.InetSocketAddress;
import java.util.Locale;

/** chatlab's own protocol, through its client library: line-delimited JSON over TLS (or plain TCP). */
public final class ChatlabDriver implements Driver {
    private final ChannelSecurity security;
    private final String clientName;

    /** Connects trusting the server as {@code security} says, and names the client {@code clientName} in its hello. */
    public ChatlabDriver(ChannelSecurity security, String clientName) {
        this.security = security;
        this.clientName = clientName;
    }

    @Override
    public String name() {
        return "chatlab";
    }

    @Override
    public chatlab.driver.Promise promise() {
        return chatlab.driver.Promise.EXACTLY_ONCE_IN_ORDER;
    }

    @Override
    public java.util.List<String> refusals(chatlab.workload.Scenario scenario) {
        return java.util.List.of();
    }

    @Override
    public boolean presence() {
        return true;
    }

    @Override
    public Connection connect(InetSocketAddress server, Connection.Options options, Inbox inbox) {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        ClientOptions client = ClientOptions.defaults().withSecurity(security).withClientName(clientName)
                .withConnectTimeout(options.connectTimeout()).withRequestTimeout(options.requestTimeout())
                .withPresence(options.presence()).withHandledUpTo(options.handledUpTo())
                .withListener(new Listener(inbox, closed));
        if (options.instance() != null) {
            client = client.withInstance(options.instance());
        }
        return new ChatlabConnection(ChatClient.connect(server.getHostString(), server.getPort(), client),
                options.udpPort(), closed);
    }

    /**
     * The client library's events, in the lab's terms. The library tells of every end of a
     * connection; a connection its owner closed ({@code closed}) is not reported lost.
     */
    private record Listener(Inbox inbox, java.util.concurrent.atomic.AtomicBoolean closed) implements ChatListener {
        @Override
        public void onChat(ServerMessage.Chat chat) {
            inbox.onMessage(new Inbox.Arrival(chat.from(), chat.messageId(), chat.seq(), chat.text(),
                    chat.mode().name().toLowerCase(Locale.ROOT)));
        }

        @Override
        public void onPresence(ServerMessage.Presence presence) {
            inbox.onPresence(presence.user(), presence.state() == PresenceState.ONLINE);
        }

        @Override
        public void onIncomingFile(ServerMessage.IncomingFile file) {
            inbox.onProtocolEvent(file);
        }

        @Override
        public void onConnectionLost(ChatException cause) {
            if (!closed.get()) {
                inbox.onLost(cause);
            }
        }
    }
}
