package io.airlog.cdi.internal;

import io.airlog.cdi.spi.DataSourceResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Finds the data source of a {@code jdbc} stream: the application's
 * {@link DataSourceResolver} beans first, then the built-in CDI and JNDI lookups that
 * {@code airlog.jdbc.datasource-lookup} selects.
 */
final class DataSources {
    private final List<DataSourceResolver> application;
    private final CdiDataSourceResolver cdi;
    private final JndiDataSourceResolver jndi = new JndiDataSourceResolver();

    DataSources(List<DataSourceResolver> application, CdiDataSourceResolver cdi) {
        this.application = List.copyOf(application);
        this.cdi = cdi;
    }

    /**
     * The data source of {@code stream}.
     *
     * @throws IllegalArgumentException naming the keys when no resolver knows it
     */
    DataSource resolve(StreamSettings stream) {
        List<DataSourceResolver> chain = new ArrayList<>(application);
        switch (stream.lookup()) {
            case CDI -> chain.add(cdi);
            case JNDI -> chain.add(jndi);
            default -> {
                chain.add(cdi);
                chain.add(jndi);
            }
        }
        Optional<String> name = stream.dataSource();
        for (DataSourceResolver resolver : chain) {
            Optional<DataSource> found = resolver.resolve(name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalArgumentException(stream.key(io.airlog.cdi.AirlogConfigKeys.JDBC_DATASOURCE) + ": "
                + name.map(n -> "no data source named '" + n + "'").orElse("no default data source")
                + " found for audit stream '" + stream.name() + "' (tried: " + chain + "; "
                + stream.key(io.airlog.cdi.AirlogConfigKeys.JDBC_DATASOURCE_LOOKUP) + "="
                + ConfigReader.spelling(stream.lookup()) + ")");
    }
}
