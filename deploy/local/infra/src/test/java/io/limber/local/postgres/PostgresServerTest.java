package io.limber.local.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void createsUsesAndDropsADatabase() throws Exception {
        try (PostgresServer server = PostgresServer.fromEnvironmentOrEmbedded()) {
            server.createDatabaseIfMissing("infra_selftest");
            server.createDatabaseIfMissing("infra_selftest");
            try (Connection connection = server.connect("infra_selftest");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id int primary key)");
                statement.execute("INSERT INTO t VALUES (42)");
                try (ResultSet rs = statement.executeQuery("SELECT id FROM t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                }
            }
            server.dropDatabase("infra_selftest");
            assertThatThrownBy(() -> server.connect("infra_selftest").close())
                    .hasMessageContaining("infra_selftest");
        }
    }

    @Test
    void refusesANameThatIsNotAPlainIdentifier() {
        try (PostgresServer server = PostgresServer.fromEnvironmentOrEmbedded()) {
            assertThatThrownBy(() -> server.createDatabaseIfMissing("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
