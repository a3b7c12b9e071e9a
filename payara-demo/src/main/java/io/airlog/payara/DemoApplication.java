package io.airlog.payara;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The demo's REST application under {@code /api}, and its H2 data source.
 *
 * <p>The data source is declared here and registered by Payara under the JNDI name
 * {@value #DATA_SOURCE}; airlog finds it by that name ({@code airlog.jdbc.datasource} in
 * {@code META-INF/microprofile-config.properties}). The H2 file lives in the directory given
 * by the system property {@code demo.h2.dir}, which Payara substitutes when it creates the
 * pool ({@code java -Ddemo.h2.dir=/var/lib/demo -jar payara-micro.jar ...}). H2 creates the
 * database, and its user, at the first connection; Payara needs a non-empty password. The
 * pool is not enlisted in JTA transactions ({@code transactional = false}): airlog's writer
 * commits its own batches, whatever the caller's transaction does. {@code DB_CLOSE_ON_EXIT=FALSE}
 * keeps H2 from closing the database in its own shutdown hook while airlog still drains its
 * queue: the database closes with the pool. {@code WRITE_DELAY=0} writes every commit to the
 * file at once: Payara Micro may exit without closing the pool, and H2 would otherwise lose the
 * commits of its last half second, among them the checkpoint row signed when airlog closes,
 * which the witness already holds (the next start would rightly fail with
 * {@code CHECKPOINT_MISSING}).
 */
@ApplicationPath("api")
@DataSourceDefinition(name = DemoApplication.DATA_SOURCE,
        className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:file:${demo.h2.dir}/airlog;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        user = "demo",
        password = "demo-pw",
        transactional = false)
public class DemoApplication extends Application {
    /** The JNDI name of the demo's data source. */
    public static final String DATA_SOURCE = "java:app/jdbc/airlog";
}
