package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatlab.client.ChatClient;
import chatlab.client.ClientOptions;
import chatlab.protocol.ErrorCode;
import chatlab.testing.Recorder;
import chatlab.testing.ServerProcesses;
import chatlab.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown tells clients and leaves the store clean. */
class ShutdownIT {
    @TempDir
    Path dir;

    @Test
    void closingTellsEveryClientWhy() throws Exception {
        Recorder recorder = new Recorder();
        TestServer server = TestServer.start(dir);
        server.signup("Yoda", "pw");
        server.login("Yoda", "pw", recorder);
        server.server().close();
        recorder.awaitLoss();
        assertThat(recorder.disconnects).singleElement()
                .satisfies(d -> assertThat(d.code()).isEqualTo(ErrorCode.SERVER_SHUTDOWN));
        assertThat(recorder.losses.getFirst().code()).isEqualTo(ErrorCode.CONNECTION_LOST);
        assertThat(recorder.losses.getFirst().getMessage()).contains("The server is shutting down");
    }

    @Test
    void sigtermShutsDownGracefullyAndCheckpointsTheStore() throws Exception {
        Path db = dir.resolve("term.db");
        Recorder recorder = new Recorder();
        try (ServerProcess server = ServerProcesses.start(db)) {
            ChatClient client = ChatClient.connect("127.0.0.1", server.port(),
                    ServerProcesses.clientOptions(server).withListener(recorder));
            ChatClient.await(client.signup("Yoda", "pw"));
            ChatClient.await(client.login("Yoda", "pw", null));
            ChatClient.await(client.post("persisted"));
            assertThat(server.terminate()).isEqualTo(143);
            await().atMost(Recorder.WAIT).untilAsserted(
                    () -> assertThat(server.output()).contains("chatlab server stopped"));
        }
        recorder.awaitLoss();
        assertThat(recorder.disconnects).extracting(d -> d.code()).containsExactly(ErrorCode.SERVER_SHUTDOWN);
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        await().atMost(Recorder.WAIT).until(() -> !Files.exists(wal) || Files.size(wal) == 0);
    }
}
