package chatlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement cache: the same SQL inside its own rows, more texts than it keeps, and reuse after errors. */
class SqlTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("sql.db"), Durability.NORMAL);
        db.transaction(c -> {
            Sql.update(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
            for (String v : List.of("a", "b", "c")) {
                Sql.insert(c, "INSERT INTO t(v) VALUES (?) RETURNING id", v);
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSameQueryInsideItsOwnRowsGetsAStatementOfItsOwn() {
        String sql = "SELECT v FROM t WHERE id >= ? ORDER BY id";
        List<String> pairs = db.query(c -> Sql.list(c, sql, rs -> {
            String outer = rs.getString(1);
            return outer + Sql.list(c, sql, inner -> inner.getString(1), 3);
        }, 1));
        assertThat(pairs).containsExactly("a[c]", "b[c]", "c[c]");
        List<String> again = db.query(c -> Sql.list(c, sql, rs -> rs.getString(1), 2));
        assertThat(again).containsExactly("b", "c");
    }

    @Test
    void moreTextsThanTheCacheKeepsAllRunAndAStatementThatFailedRunsAgain() {
        for (int i = 0; i < Sql.CACHED_STATEMENTS + 20; i++) {
            int n = i;
            java.util.Optional<Integer> sum = db.query(c -> Sql.first(c, "SELECT " + n + " + ?", rs -> rs.getInt(1), 1));
            assertThat(sum).contains(n + 1);
        }
        String insert = "INSERT INTO t(v) VALUES (?) RETURNING id";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.transaction(c -> Sql.insert(c, insert, "a")))
                .hasMessageContaining("UNIQUE");
        long id = db.transaction(c -> Sql.insert(c, insert, "d"));
        assertThat(id).isEqualTo(4);
        java.util.Optional<Integer> count = db.query(c -> Sql.first(c, "SELECT COUNT(*) FROM t", rs -> rs.getInt(1)));
        assertThat(count).contains(4);
    }
}
