package chatlab.server;

/** What a connection tells the server about its life. */
interface ServerHooks {
    /** A logged-in session ended, by logout or by the connection closing. */
    void sessionEnded(Session session);

    /** The connection is gone. */
    void connectionEnded(Connection connection);

    /** Closes the connection by force if it has not closed within a grace period. */
    void closeLater(Connection connection);

    /** Completes the TLS handshake of a new connection, if it has one, before anything is read or written. */
    void handshake(java.net.Socket socket) throws java.io.IOException;
}
