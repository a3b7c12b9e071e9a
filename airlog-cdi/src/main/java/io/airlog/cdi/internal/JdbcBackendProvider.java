package io.airlog.cdi.internal;

import io.airlog.AuditException;
import io.airlog.cdi.spi.DataSourceResolver;
import io.airlog.jdbc.IndexProfile;
import io.airlog.jdbc.JdbcAuditStream;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.jdbc.SchemaException;
import io.airlog.jdbc.SchemaMode;
import io.airlog.jdbc.TableNames;
import io.airlog.spi.AuditBackend;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.airlog.spi.CheckpointSettings;
import io.airlog.spi.ConfigView;
import io.airlog.spi.LogVerification;
import io.airlog.spi.VerifyMode;
import io.airlog.spi.batch.WriterConfig;
import io.airlog.witness.FileWitness;
import io.airlog.verify.VerificationReport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code jdbc} backend: a {@link JdbcAuditStream} on the data source that
 * {@code airlog.jdbc.datasource} names, found through the application's
 * {@link DataSourceResolver} beans, CDI and JNDI. A CDI bean, because finding a container's
 * data source needs the container; the only class of airlog-cdi that uses airlog-jdbc, loaded
 * only when a stream selects it.
 */
@ApplicationScoped
public class JdbcBackendProvider implements AuditBackendProvider {
    @Inject
    BeanManager beanManager;

    @Inject
    @Any
    Instance<DataSourceResolver> resolvers;

    private DataSources dataSources;

    /** For the container. */
    protected JdbcBackendProvider() {
    }

    @PostConstruct
    void init() {
        dataSources = new DataSources(Prioritised.instances(resolvers), new CdiDataSourceResolver(beanManager));
    }

    @Override
    public String name() {
        return "jdbc";
    }

    @Override
    public List<String> keys() {
        return List.of("datasource", "datasource-lookup", "table-prefix", "schema", "index-profile");
    }

    /** The writer signs checkpoint rows and publishes them to the witness ({@code airlog.checkpoint.*}). */
    @Override
    public boolean signsCheckpoints() {
        return true;
    }

    @Override
    public AuditBackend open(BackendContext context) {
        ConfigView jdbc = context.settings();
        String prefix = jdbc.text("table-prefix").orElse(TableNames.DEFAULT_PREFIX);
        try {
            TableNames.of(prefix);
        } catch (IllegalArgumentException e) {
            throw jdbc.invalid("table-prefix", prefix, e.getMessage());
        }
        SchemaMode schema = jdbc.choice("schema", SchemaMode.class).orElse(SchemaMode.VALIDATE);
        IndexProfile indexes = jdbc.choice("index-profile", IndexProfile.class).orElse(IndexProfile.QUERY);
        DataSource dataSource = dataSources.resolve(context.streamName(), jdbc);
        WriterConfig writer = context.writer();
        Optional<CheckpointSettings> checkpoints = context.checkpoints();
        JdbcAuditStream.Builder builder = JdbcAuditStream.builder(dataSource).name(context.streamName())
                .logId(context.logId()).tablePrefix(prefix).schemaMode(schema).indexProfile(indexes)
                .writeMode(writer.writeMode())
                .batchMaxSize(writer.maxBatchSize()).batchMaxDelay(writer.maxDelay())
                .queueCapacity(writer.queueCapacity()).queueFullPolicy(writer.queueFull())
                .blockTimeout(writer.blockTimeout()).writeTimeout(writer.writeTimeout());
        checkpoints.ifPresent(c -> {
            builder.signer(c.signer()).origin(c.origin()).checkpointInterval(c.interval())
                    .trustedKeys(c.trustedKeys()).witnessWindow(c.witnessWindow());
            c.witnessFile().ifPresent(builder::witnessFile);
        });
        JdbcAuditStream stream;
        try {
            stream = builder.build();
        } catch (SchemaException e) {
            throw new IllegalStateException("audit stream '" + context.streamName() + "' (" + jdbc.keyUsed("schema")
                    + "=" + ConfigView.spelling(schema) + "): " + e.getMessage(), e);
        } catch (AuditException e) {
            throw new IllegalStateException("audit stream '" + context.streamName() + "': " + e.getMessage(), e);
        }
        JdbcChainVerifier verifier = verifier(dataSource, TableNames.of(prefix), checkpoints);
        String logId = context.logId();
        return new AuditBackend(stream, mode -> {
            VerificationReport report = mode == VerifyMode.FULL ? verifier.verifyFull(logId)
                    : verifier.verifyIncremental(logId);
            return LogVerification.of(report);
        });
    }

    /**
     * The start-up check's verifier: with checkpoints, it trusts the signer's and the trusted
     * keys, compares the log with the witness, and (when every batch is signed, interval 0)
     * reports events no checkpoint covers as damage; without, it checks the chain alone.
     */
    private static JdbcChainVerifier verifier(DataSource dataSource, TableNames tables,
                                              Optional<CheckpointSettings> checkpoints) {
        JdbcChainVerifier.Builder verifier = JdbcChainVerifier.builder(dataSource, tables);
        checkpoints.ifPresent(c -> {
            verifier.trustedKeys(c.allTrustedKeys()).origin(c.origin()).requireSigned(c.interval().isZero());
            c.witnessFile().ifPresent(file -> verifier.witness(FileWitness.open(file, c.origin())));
        });
        return verifier.build();
    }
}
