package io.relais.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionLoggerTest {

    @Test
    void shouldMaskThePassword_whenTheJdbcUrlCarriesOne() {
        assertThat(ConnectionLogger.withoutPassword(
                "jdbc:postgresql://db:5432/relais_query?user=relais&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/relais_query?user=relais&password=***&ssl=true");
    }

    @Test
    void shouldLeaveTheUrlAsItIs_whenItCarriesNoPassword() {
        assertThat(ConnectionLogger.withoutPassword("jdbc:postgresql://127.0.0.1:5432/relais_query"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/relais_query");
    }
}
