package chatlab.server;

import chatlab.store.Database;
import chatlab.store.Durability;
import java.nio.file.Path;

/** A real SQLite file in a test's temporary folder. */
final class TestDatabase {
    private TestDatabase() {
    }

    static Database open(Path dir) {
        return Database.open(dir.resolve("test.db"), Durability.NORMAL);
    }
}
