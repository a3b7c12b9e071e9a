package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.TableNames;
import java.util.UUID;
import javax.naming.Context;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JNDI lookup of the data source, as on Payara. */
class JndiDataSourceTest {
    private DataSource h2;

    @BeforeEach
    void bindNamingService() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNamingContextFactory.class.getName());
        h2 = H2DataSources.h2("jdbc:h2:mem:jndi-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void unbind() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        TestNamingContextFactory.BOUND.clear();
    }

    private long eventsIn(String logId) {
        return new JdbcChainVerifier(h2, TableNames.DEFAULT).verifyFull(logId).eventsRead();
    }

    @Test
    void namedDataSourceIsLookedUpInJndi() {
        TestNamingContextFactory.BOUND.put("jdbc/audit", h2);
        try (TestContainer c = TestContainer.builder().property("airlog.jdbc.datasource", "jdbc/audit")
                .property("airlog.jdbc.datasource-lookup", "jndi").property("airlog.jdbc.schema", "create")
                .beans(AccountService.class).start()) {
            c.select(AccountService.class).open("A-1", "EUR");
        }

        assertThat(eventsIn("default")).isEqualTo(1);
    }

    @Test
    void withoutANameAndWithoutADataSourceBeanTheJakartaDefaultDataSourceIsUsed() {
        TestNamingContextFactory.BOUND.put("java:comp/DefaultDataSource", h2);
        try (TestContainer c = TestContainer.builder().property("airlog.jdbc.schema", "create")
                .beans(AccountService.class).start()) {
            c.select(AccountService.class).open("A-1", "EUR");
        }

        assertThat(eventsIn("default")).isEqualTo(1);
    }

    @Test
    void cdiOnlyLookupDoesNotAskJndi() {
        TestNamingContextFactory.BOUND.put("jdbc/audit", h2);

        assertThat(TestContainer.builder().property("airlog.jdbc.datasource", "jdbc/audit")
                .property("airlog.jdbc.datasource-lookup", "cdi").startFailure())
                .hasStackTraceContaining("airlog.jdbc.datasource: no data source named 'jdbc/audit' found for audit"
                        + " stream 'default' (tried: [CDI bean lookup]; airlog.jdbc.datasource-lookup=cdi)");
    }
}
