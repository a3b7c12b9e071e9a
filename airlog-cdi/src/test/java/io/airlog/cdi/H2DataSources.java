package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The application's data sources, as a container such as Quarkus provides them: CDI beans,
 * the default one and one qualified {@code @DataSourceName("audit")}, both on the H2 database of the test's
 * {@code test.h2.url} property.
 */
@ApplicationScoped
public class H2DataSources {

    static DataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return ds;
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("test.h2.url", String.class);
    }

    @Produces
    @ApplicationScoped
    @Default
    @Typed(DataSource.class)
    DataSource defaultDataSource() {
        return h2(url());
    }

    @Produces
    @ApplicationScoped
    @DataSourceName("audit")
    @Typed(DataSource.class)
    DataSource auditDataSource() {
        return h2(url());
    }
}
