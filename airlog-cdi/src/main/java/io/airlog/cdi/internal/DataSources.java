package io.airlog.cdi.internal;

import io.airlog.cdi.spi.DataSourceResolver;
import io.airlog.spi.ConfigView;
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
    /** {@code airlog.jdbc.datasource-lookup}: how the data source is looked up. */
    enum Lookup { AUTO, CDI, JNDI }

    private final List<DataSourceResolver> application;
    private final CdiDataSourceResolver cdi;
    private final JndiDataSourceResolver jndi = new JndiDataSourceResolver();

    DataSources(List<DataSourceResolver> application, CdiDataSourceResolver cdi) {
        this.application = List.copyOf(application);
        this.cdi = cdi;
    }

    /**
     * The data source that the {@code datasource} and {@code datasource-lookup} keys of
     * {@code jdbc} (the jdbc backend's view of one stream's settings) name.
     *
     * @param stream the stream, for the message
     * @throws IllegalArgumentException naming the keys when no resolver knows it
     */
    DataSource resolve(String stream, ConfigView jdbc) {
        Optional<String> name = jdbc.text("datasource");
        Lookup lookup = jdbc.choice("datasource-lookup", Lookup.class).orElse(Lookup.AUTO);
        List<DataSourceResolver> chain = new ArrayList<>(application);
        switch (lookup) {
            case CDI -> chain.add(cdi);
            case JNDI -> chain.add(jndi);
            default -> {
                chain.add(cdi);
                chain.add(jndi);
            }
        }
        for (DataSourceResolver resolver : chain) {
            Optional<DataSource> found = resolver.resolve(name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalArgumentException(jdbc.keyUsed("datasource") + ": "
                + name.map(n -> "no data source named '" + n + "'").orElse("no default data source")
                + " found for audit stream '" + stream + "' (tried: " + chain + "; "
                + jdbc.keyUsed("datasource-lookup") + "=" + ConfigView.spelling(lookup) + ")");
    }
}
