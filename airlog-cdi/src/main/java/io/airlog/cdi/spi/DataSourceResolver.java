package io.airlog.cdi.spi;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * Finds the {@link DataSource} of a {@code jdbc} audit stream from the name in
 * {@code airlog.jdbc.datasource}. Applications provide one as a CDI bean when the built-in
 * lookups do not fit.
 *
 * <p>airlog asks every application resolver (in order of {@code @jakarta.annotation.Priority}
 * on its class, lowest first, none counting as {@code 0}) and then its built-in ones, as
 * selected by {@code airlog.jdbc.datasource-lookup}: {@code cdi} (a CDI bean of type
 * {@code DataSource}: the default bean, or the one qualified {@code @Named(name)} or by any
 * qualifier whose {@code value()} is the name, such as Quarkus'
 * {@code @io.quarkus.agroal.DataSource("name")}), {@code jndi} (a JNDI lookup of the name;
 * {@code java:comp/DefaultDataSource} when no name is given), or {@code auto} (both, CDI
 * first). Called once per stream, when the stream is opened.
 */
public interface DataSourceResolver {

    /**
     * The data source called {@code name}.
     *
     * @param name the configured name, or empty for the application's default data source
     * @return the data source, or empty when this resolver does not know it (the next one is
     *         asked)
     */
    Optional<DataSource> resolve(Optional<String> name);
}
