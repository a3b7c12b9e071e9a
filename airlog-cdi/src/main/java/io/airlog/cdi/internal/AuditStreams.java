package io.airlog.cdi.internal;

import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.WriteMode;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.cdi.AuditStreamName;
import io.airlog.cdi.AuditStreamOpened;
import io.airlog.internal.DiscardingAuditStream;
import io.airlog.pipeline.AuditMiddleware;
import io.airlog.pipeline.AuditPipeline;
import io.airlog.pipeline.AuditStreamRegistry;
import io.airlog.pipeline.Delivery;
import io.airlog.pipeline.PipelineListener;
import io.airlog.spi.AuditBackend;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.airlog.spi.CheckpointSettings;
import io.airlog.spi.FileClaims;
import io.airlog.spi.StoredLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's audit streams, built from configuration when first needed (all of them at
 * start, by {@link AirlogStartup}), produced for injection, and closed — queues drained — when
 * the container shuts down.
 *
 * <p>Each configured stream is core's pipeline: an {@link AuditPipeline} named after the
 * stream runs the application's {@link AuditMiddleware} beans (by {@code @Priority}) and
 * delivers to the stream's own backend (required) and to the backends of its fan-out streams
 * ({@code airlog.fan-out.*}); each backend sits behind the redaction its own stream configures.
 * The backends come from the {@link AuditBackendProvider} that {@code airlog.backend} names.
 */
@ApplicationScoped
public class AuditStreams {
    private static final Logger LOG = Logger.getLogger(AuditStreams.class.getName());

    @Inject
    @Any
    Instance<AuditBackendProvider> providerBeans;

    @Inject
    @Any
    Instance<AuditMiddleware> middleware;

    @Inject
    @Any
    Instance<PipelineListener> listenerBeans;

    @Inject
    @Any
    Instance<Object> beans;

    @Inject
    Event<AuditStreamOpened> openedEvents;

    private AirlogSettings settings;
    private Backends backends;
    private List<AuditMiddleware> applicationMiddleware;
    private List<PipelineListener> listeners;
    private final FileClaims claims = new FileClaims();
    /** Every backend opened, by stream name; owns them. */
    private final AuditStreamRegistry backendStreams = new AuditStreamRegistry();
    /** Every backend behind its stream's redaction, by stream name: what pipelines deliver to. */
    private final AuditStreamRegistry stores = new AuditStreamRegistry();
    private final Map<String, StoredLog> storedLogs = new HashMap<>();
    private final Map<String, Target> open = new ConcurrentHashMap<>();
    private boolean closed;

    /**
     * An open stream.
     *
     * @param settings the stream's configuration
     * @param stream what the application records to: the stream's pipeline
     * @param backend the stream's own backend
     * @param storedLog how the backend's stored log is verified at start
     */
    public record Target(StreamSettings settings, AuditStream stream, AuditStream backend, StoredLog storedLog) {
    }

    /** For the container. */
    protected AuditStreams() {
    }

    @PostConstruct
    void init() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        backends = Backends.discover(loader != null ? loader : AuditStreams.class.getClassLoader(), providerBeans);
        settings = new AirlogSettings(ConfigProvider.getConfig(), backends);
        applicationMiddleware = Prioritised.instances(middleware);
        listeners = Prioritised.instances(listenerBeans);
    }

    /** The validated configuration. */
    public AirlogSettings settings() {
        return settings;
    }

    /**
     * The stream called {@code name}, opened if needed (with the backends of its fan-out).
     *
     * @throws IllegalArgumentException if it is not configured, or its configuration is invalid
     * @throws IllegalStateException if the container is shutting down, or a backend cannot be
     *         opened
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
            AuditStream backend = openBackend(s);
            AuditPipeline.Builder pipeline = AuditPipeline.builder(name).registry(stores).defaultStream(name);
            applicationMiddleware.forEach(pipeline::use);
            listeners.forEach(pipeline::listener);
            fanOut(s, s.fanOut().required(), Delivery.REQUIRED, pipeline);
            fanOut(s, s.fanOut().bestEffort(), Delivery.BEST_EFFORT, pipeline);
            target = new Target(s, ConfiguredStream.of(pipeline.build(), backend), backend, storedLogs.get(name));
        } else {
            AuditStream discarding = new DiscardingAuditStream(name, AirlogConfigKeys.ENABLED + "=false");
            target = new Target(s, discarding, discarding, StoredLog.nothing(AirlogConfigKeys.ENABLED + "=false"));
        }
        open.put(name, target);
        LOG.log(Level.FINE, "opened audit stream ''{0}'' ({1}, log ''{2}'')", new Object[] {name, s.backend(), s.logId()});
        if (settings.enabled()) {
            openedEvents.fire(new AuditStreamOpened(name, s.backend(), s.logId(), target.backend()));
        }
        return target;
    }

    private void fanOut(StreamSettings s, List<String> targets, Delivery delivery, AuditPipeline.Builder pipeline) {
        String key = s.key(delivery == Delivery.REQUIRED ? AirlogConfigKeys.FAN_OUT_REQUIRED
                : AirlogConfigKeys.FAN_OUT_BEST_EFFORT);
        for (String other : targets) {
            StreamSettings copy;
            try {
                copy = settings.stream(other);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
            openBackend(copy);
            pipeline.fanOut(other, delivery);
        }
    }

    /** Opens the backend of a stream, behind its redaction, unless it is open. */
    private AuditStream openBackend(StreamSettings s) {
        Optional<AuditStream> known = backendStreams.find(s.name());
        if (known.isPresent()) {
            return known.get();
        }
        BackendContext.Builder context = BackendContext.builder(s.backend(), s.name(), s.logId())
                .settings(s.backendView()).writer(s.writer())
                .selectedBy(s.key(AirlogConfigKeys.BACKEND) + "=" + s.backend())
                .lookup(this::lookup).claims(claims);
        AuditBackendProvider provider = backends.get(s.backend());
        CheckpointConfig checkpoints = CheckpointConfig.read(s.view(), s.logId());
        if (checkpoints.settings().isPresent()) {
            if (!provider.signsCheckpoints()) {
                throw new IllegalArgumentException(checkpoints.enabledBy() + ": log '" + s.logId() + "' of stream '"
                        + s.name() + "' is to be signed, but its backend " + s.backend() + " does not sign checkpoints"
                        + " (backends that do: " + String.join(", ", backends.signing()) + "); set "
                        + s.view().ownKey("checkpoint.enabled") + "=false to leave it unsigned");
            }
            CheckpointSettings c = checkpoints.settings().get();
            c.witnessFile().ifPresent(file -> claims.claim(s.name(), CheckpointConfig.witnessKey(s.view()), file));
            context.checkpoints(c);
        }
        AuditBackend opened = provider.open(context.build());
        AuditStream backend = opened.stream();
        if (s.writeMode() == WriteMode.ASYNC && !backend.capabilities().contains(Capability.ASYNC)) {
            closeQuietly(s.name(), backend);
            throw new IllegalArgumentException(s.key(AirlogConfigKeys.WRITE_MODE) + ": invalid value 'async'; stream '"
                    + s.name() + "' has backend " + s.backend() + ", which always records synchronously; set "
                    + s.key(AirlogConfigKeys.WRITE_MODE) + "=sync or use a backend that queues (jdbc)");
        }
        backendStreams.register(s.name(), backend);
        stores.register(s.name(), s.redaction().redactor()
                .<AuditStream>map(redactor -> AuditPipeline.builder(s.name()).use(redactor).registry(backendStreams)
                        .defaultStream(s.name()).build())
                .orElse(backend));
        storedLogs.put(s.name(), opened.storedLog());
        return backend;
    }

    /** The application's bean of {@code type}, when it has exactly one (for backends). */
    private Optional<?> lookup(Class<?> type) {
        Instance<?> candidates = beans.select(type);
        return candidates.isResolvable() ? Optional.of(candidates.get()) : Optional.empty();
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

    /**
     * Stops every stream's pipeline, then drains and closes every backend (the last opened
     * first); later requests for a stream fail.
     */
    synchronized void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        for (Target target : open.values()) {
            closeQuietly(target.settings().name(), target.stream());
        }
        try {
            backendStreams.close();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "closing audit streams failed", e);
        }
    }

    private static void closeQuietly(String name, AuditStream stream) {
        try {
            stream.close();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "closing audit stream '" + name + "' failed", e);
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
