package chatlab.nemesis;

/**
 * The server process as the nemesis sees it: it can be killed and started again on the same
 * port and database, and frozen and thawed. Only a server the lab started can be controlled.
 */
public interface ServerControl {
    /** Kills the server with SIGKILL and waits until it is gone. */
    void kill();

    /** Starts the server again on the same port and database, and waits until it listens. */
    void restart();

    /** Freezes the server with SIGSTOP. */
    void pause();

    /** Thaws a frozen server with SIGCONT. */
    void resume();

    /** For runs against a server the lab did not start: any server fault is refused. */
    ServerControl NONE = new ServerControl() {
        @Override
        public void kill() {
            throw refused();
        }

        @Override
        public void restart() {
            throw refused();
        }

        @Override
        public void pause() {
            throw refused();
        }

        @Override
        public void resume() {
            throw refused();
        }

        private IllegalStateException refused() {
            return new IllegalStateException("the server was not started by the lab, so it cannot be killed or paused");
        }
    };
}
