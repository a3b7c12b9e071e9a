package io.airlog.cdi;

import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditStream;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.Instance;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container for one test: airlog's beans found through its {@code beans.xml} (bean
 * discovery of the main classes), the test's own beans added explicitly, and a MicroProfile
 * Config holding only the given properties, registered for the test's class loader while
 * the container runs.
 */
public final class TestContainer implements AutoCloseable {
    private final WeldContainer weld;
    private final SmallRyeConfig config;

    private TestContainer(WeldContainer weld, SmallRyeConfig config) {
        this.weld = weld;
        this.config = config;
    }

    /** Starts building a container. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bean of this type. */
    public <T> T select(Class<T> type, Annotation... qualifiers) {
        return weld.select(type, qualifiers).get();
    }

    /** The beans of this type. */
    public <T> Instance<T> instance(Class<T> type, Annotation... qualifiers) {
        return weld.select(type, qualifiers);
    }

    /** Every event stored in the log of the default stream, read back through its backend. */
    public List<AuditEvent> events() {
        return stored(select(AuditStream.class));
    }

    /** Every event stored in the log of {@code stream} (whose backend must be readable), in order. */
    public static List<AuditEvent> stored(AuditStream stream) {
        AuditLogReader reader = (AuditLogReader) stream;
        try (Stream<AuditEvent> events = reader.replay(1, reader.head().size())) {
            return events.toList();
        }
    }

    @Override
    public void close() {
        try {
            if (weld.isRunning()) {
                weld.shutdown();
            }
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }

    /** Configures a container. */
    public static final class Builder {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<Class<?>> beans = new ArrayList<>();

        /** Adds a configuration property. */
        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        /** Adds bean classes of the test. */
        public Builder beans(Class<?>... classes) {
            beans.addAll(List.of(classes));
            return this;
        }

        /** Starts the container, which must fail to start; returns the failure. */
        public Throwable startFailure() {
            TestContainer started;
            try {
                started = start();
            } catch (RuntimeException | Error e) {
                return e;
            }
            started.close();
            throw new AssertionError("the container started");
        }

        /** Starts the container; if the start fails, the configuration is released and the failure thrown. */
        public TestContainer start() {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            ConfigProviderResolver.instance().registerConfig(config, loader);
            try {
                Weld weld = new Weld("airlog-test-" + UUID.randomUUID())
                        .property("org.jboss.weld.se.shutdownHook", false);
                beans.forEach(weld::addBeanClass);
                return new TestContainer(weld.initialize(), config);
            } catch (RuntimeException | Error e) {
                ConfigProviderResolver.instance().releaseConfig(config);
                throw e;
            }
        }
    }
}
