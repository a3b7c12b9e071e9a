package io.airlog.cdi.internal;

import io.airlog.AuditStream;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.cdi.AuditStreamName;
import io.airlog.cdi.spi.DataSourceResolver;
import io.airlog.pipeline.AuditMiddleware;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's audit streams, built from configuration when first needed (all of them at
 * start, by {@link AirlogStartup}), produced for injection, and closed — queues drained — when
 * the container shuts down.
 */
@ApplicationScoped
public class AuditStreams {
    private static final Logger LOG = Logger.getLogger(AuditStreams.class.getName());

    @Inject
    BeanManager beanManager;

    @Inject
    @Any
    Instance<DataSourceResolver> dataSourceResolvers;

    @Inject
    @Any
    Instance<AuditMiddleware> middleware;

    private AirlogSettings settings;
    private StreamFactory factory;
    private final Map<String, Target> open = new ConcurrentHashMap<>();
    private boolean closed;

    /**
     * An open stream and its settings.
     *
     * @param settings the stream's configuration
     * @param stream the stream, behind its middleware
     * @param log how its stored log is verified at start
     */
    public record Target(StreamSettings settings, AuditStream stream, StoredLog log) {
    }

    /** For the container. */
    protected AuditStreams() {
    }

    @PostConstruct
    void init() {
        settings = new AirlogSettings(ConfigProvider.getConfig());
        factory = new StreamFactory(new DataSources(Prioritised.instances(dataSourceResolvers),
                new CdiDataSourceResolver(beanManager)), new MiddlewareChain(Prioritised.instances(middleware)));
    }

    /** The validated configuration. */
    public AirlogSettings settings() {
        return settings;
    }

    /**
     * The stream called {@code name}, opened if needed.
     *
     * @throws IllegalArgumentException if it is not configured, or its configuration is invalid
     * @throws IllegalStateException if the container is shutting down
     */
    public Target target(String name) {
        Target known = open.get(name);
        return known != null ? known : openStream(name);
    }

    private synchronized Target openStream(String name) {
        if (closed) {
            throw new IllegalStateException("audit streams are closed: the application is shutting down");
        }
        Target known = open.get(name);
        if (known != null) {
            return known;
        }
        StreamSettings s = settings.stream(name);
        Target target;
        if (settings.enabled()) {
            checkNoSharedFile(s);
            target = factory.open(s);
        } else {
            target = new Target(s, new DiscardingAuditStream(name, AirlogConfigKeys.ENABLED + "=false"),
                    StoredLog.NOTHING);
        }
        open.put(name, target);
        LOG.log(Level.FINE, "opened audit stream ''{0}'' ({1}, log ''{2}'')",
                new Object[] {name, ConfigReader.spelling(s.backend()), s.logId()});
        return target;
    }

    private void checkNoSharedFile(StreamSettings s) {
        if (s.jsonFile().isEmpty() || s.backend() != StreamSettings.Backend.JSON) {
            return;
        }
        Path file = s.jsonFile().get().toAbsolutePath().normalize();
        for (Target other : open.values()) {
            StreamSettings o = other.settings();
            if (o.backend() == StreamSettings.Backend.JSON && o.jsonFile().isPresent()
                    && o.jsonFile().get().toAbsolutePath().normalize().equals(file)) {
                throw new IllegalArgumentException(s.key(AirlogConfigKeys.JSON_FILE) + ": file " + file
                        + " is already written by audit stream '" + o.name() + "' (" + o.key(AirlogConfigKeys.JSON_FILE)
                        + "); a file has one writer");
            }
        }
    }

    /** The streams opened so far. */
    public List<Target> opened() {
        return new ArrayList<>(open.values());
    }

    /** Drains and closes every stream before the application's contexts are destroyed. */
    void onShutdown(@Observes Shutdown event) {
        closeAll();
    }

    @PreDestroy
    void destroy() {
        closeAll();
    }

    private synchronized void closeAll() {
        closed = true;
        for (Target target : open.values()) {
            try {
                target.stream().close();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "closing audit stream '" + target.settings().name() + "' failed", e);
            }
        }
    }

    /** The default stream, configured by {@code airlog.*}. */
    @Produces
    @Dependent
    @Typed(AuditStream.class)
    AuditStream defaultStream() {
        return target(AirlogConfigKeys.DEFAULT_STREAM).stream();
    }

    /** A named stream, configured by {@code airlog.streams.<name>.*}. */
    @Produces
    @Dependent
    @AuditStreamName("")
    @Typed(AuditStream.class)
    AuditStream namedStream(InjectionPoint injectionPoint) {
        String name = injectionPoint.getQualifiers().stream().filter(AuditStreamName.class::isInstance)
                .map(q -> ((AuditStreamName) q).value()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no @AuditStreamName at " + injectionPoint));
        return target(name).stream();
    }
}
