package chatlab.scenarios;

/**
 * Which server the scenarios run against: a fresh embedded server per scenario (the default),
 * or any server that speaks docs/PROTOCOL.md, named by {@code -Dchatlab.target=host:port}.
 */
record Target(String host, int port, int maxAttempts) {

    boolean embedded() {
        return host == null;
    }

    static Target fromSystemProperties() {
        int maxAttempts = Integer.parseInt(System.getProperty("chatlab.target.max-attempts", "3").strip());
        String target = System.getProperty("chatlab.target", "").strip();
        if (target.isEmpty()) {
            return new Target(null, 0, maxAttempts);
        }
        int colon = target.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("chatlab.target must be host:port, not '" + target + "'");
        }
        return new Target(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)), maxAttempts);
    }

    @Override
    public String toString() {
        return embedded() ? "an embedded server" : "the server at " + host + ":" + port;
    }
}
