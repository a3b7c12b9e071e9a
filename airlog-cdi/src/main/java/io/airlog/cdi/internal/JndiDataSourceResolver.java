package io.airlog.cdi.internal;

import io.airlog.cdi.spi.DataSourceResolver;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import javax.sql.DataSource;

/**
 * A JNDI lookup (Payara, any Jakarta EE server): the configured name as it is
 * ({@code jdbc/audit}, {@code java:app/jdbc/audit}), or {@value #DEFAULT_NAME} when none is
 * configured.
 */
final class JndiDataSourceResolver implements DataSourceResolver {
    /** The default data source every Jakarta EE server provides. */
    static final String DEFAULT_NAME = "java:comp/DefaultDataSource";

    @Override
    public Optional<DataSource> resolve(Optional<String> name) {
        String jndiName = name.orElse(DEFAULT_NAME);
        try {
            Object found = new InitialContext().lookup(jndiName);
            if (found == null) {
                return Optional.empty();
            }
            if (!(found instanceof DataSource ds)) {
                throw new IllegalStateException("JNDI name '" + jndiName + "' is bound to a "
                        + found.getClass().getName() + ", not a javax.sql.DataSource");
            }
            return Optional.of(ds);
        } catch (NameNotFoundException | NoInitialContextException e) {
            // not bound, or no JNDI in this environment (Java SE, Quarkus)
            return Optional.empty();
        } catch (NamingException e) {
            throw new IllegalStateException("JNDI lookup of '" + jndiName + "' failed: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "JNDI lookup";
    }
}
