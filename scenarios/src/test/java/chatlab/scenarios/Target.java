package chatlab.scenarios;

import chatlab.client.ServerAddress;
import chatlab.tls.ChannelSecurity;
import chatlab.tls.KnownServers;

/**
 * Which server the scenarios run against: a fresh embedded server per scenario (the default),
 * or any server that speaks docs/PROTOCOL.md, named by {@code -Dchatlab.target=tls://host:port}
 * (or a bare {@code host:port}, also TLS) or {@code tcp://host:port} for plaintext. A TLS target
 * is trusted on first use, once for the whole suite, unless {@code -Dchatlab.target.trust} pins
 * its fingerprint. A target whose room has a password is given it by
 * {@code -Dchatlab.target.room-password}; {@code -Dchatlab.target.kick-votes} says how many votes
 * kick a user out there (default 2).
 */
record Target(ServerAddress address, int maxAttempts, ChannelSecurity security, String roomPassword, int kickVotes) {
    /** One memory of the target's certificate for every scenario of a run. */
    private static final KnownServers MET = KnownServers.inMemory();

    boolean embedded() {
        return address == null;
    }

    String host() {
        return address.host();
    }

    int port() {
        return address.port();
    }

    static Target fromSystemProperties() {
        int maxAttempts = Integer.parseInt(System.getProperty("chatlab.target.max-attempts", "3").strip());
        String target = System.getProperty("chatlab.target", "").strip();
        if (target.isEmpty()) {
            return new Target(null, maxAttempts, null, null, 0);
        }
        String roomPassword = System.getProperty("chatlab.target.room-password", "");
        int kickVotes = Integer.parseInt(System.getProperty("chatlab.target.kick-votes", "2").strip());
        ServerAddress address = ServerAddress.parse(target);
        String trust = System.getProperty("chatlab.target.trust", "").strip();
        ChannelSecurity security = !address.tls() ? new ChannelSecurity.Plaintext()
                : !trust.isEmpty() ? new ChannelSecurity.Pinned(trust) : new ChannelSecurity.TrustOnFirstUse(MET, f -> { });
        return new Target(address, maxAttempts, security, roomPassword.isEmpty() ? null : roomPassword, kickVotes);
    }

    @Override
    public String toString() {
        return embedded() ? "an embedded server" : "the server at " + address;
    }
}
