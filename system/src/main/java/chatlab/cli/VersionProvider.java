package chatlab.cli;

import chatlab.protocol.Protocol;
import chatlab.server.Version;
import picocli.CommandLine;

/** Prints the chatlab version and the protocol version for {@code --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"chatlab " + Version.get() + " (protocol version " + Protocol.VERSION + ")",
                "Java " + Runtime.version() + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
