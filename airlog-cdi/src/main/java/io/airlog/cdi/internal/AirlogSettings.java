package io.airlog.cdi.internal;

import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.cdi.OuterAuditInterceptor;
import io.airlog.spi.ConfigView;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.eclipse.microprofile.config.Config;

/**
 * All of airlog's configuration, read from MicroProfile Config and validated: a bad value
 * fails with an {@link IllegalArgumentException} naming the key and what is allowed. The
 * settings of named streams are read when a stream is first asked for.
 */
public final class AirlogSettings {
    private static final Logger LOG = Logger.getLogger(AirlogSettings.class.getName());
    private static final Pattern ENV_STREAM_BACKEND = Pattern.compile("AIRLOG_STREAMS_([A-Z0-9_]+)_BACKEND");
    private static final String BACKEND_SUFFIX = "." + AirlogConfigKeys.BACKEND.substring(AirlogConfigKeys.PREFIX.length());

    private final Config config;
    private final Function<String, Optional<String>> source;
    private final Set<String> backends;
    private final boolean enabled;
    private final int interceptorPriority;
    private final Set<String> deniedExceptions;
    private final StreamSettings defaultStream;
    private final Map<String, StreamSettings> named = new ConcurrentHashMap<>();

    /**
     * Reads and validates the global settings and those of the default stream.
     *
     * @param config the application's configuration
     * @param backends the backends that exist, for validation and unknown-key warnings
     */
    AirlogSettings(Config config, Backends backends) {
        this.config = config;
        this.source = key -> config.getOptionalValue(key, String.class);
        this.backends = backends.names();
        ConfigView global = ConfigView.of(source, List.of(AirlogConfigKeys.PREFIX));
        this.enabled = global.bool(relative(AirlogConfigKeys.ENABLED), true);
        this.interceptorPriority = global.integer(relative(AirlogConfigKeys.INTERCEPTOR_PRIORITY), Integer.MIN_VALUE,
                Integer.MAX_VALUE).orElse(OuterAuditInterceptor.PRIORITY);
        this.deniedExceptions = Set.copyOf(validClassNames(AirlogConfigKeys.INTERCEPTOR_DENIED_EXCEPTIONS,
                global.list(relative(AirlogConfigKeys.INTERCEPTOR_DENIED_EXCEPTIONS))));
        this.defaultStream = StreamSettings.read(source, AirlogConfigKeys.DEFAULT_STREAM, this.backends);
        warnAboutUnknownKeys(backends.keys());
    }

    private static String relative(String key) {
        return key.substring(AirlogConfigKeys.PREFIX.length());
    }

    /** {@code airlog.enabled}. */
    public boolean enabled() {
        return enabled;
    }

    /** {@code airlog.interceptor.priority}. */
    public int interceptorPriority() {
        return interceptorPriority;
    }

    /** {@code airlog.interceptor.denied-exceptions}: binary class names. */
    public Set<String> deniedExceptions() {
        return deniedExceptions;
    }

    /**
     * The settings of a stream.
     *
     * @param name {@link AirlogConfigKeys#DEFAULT_STREAM} or the name of a declared stream
     * @throws IllegalArgumentException if the name is invalid, the stream is not declared by
     *         {@code airlog.streams.<name>.backend}, or one of its values is invalid
     */
    StreamSettings stream(String name) {
        if (name.equals(AirlogConfigKeys.DEFAULT_STREAM)) {
            return defaultStream;
        }
        StreamSettings known = named.get(name);
        if (known != null) {
            return known;
        }
        String backendKey = AirlogConfigKeys.forStream(name, AirlogConfigKeys.BACKEND);
        if (source.apply(backendKey).filter(v -> !v.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("audit stream '" + name + "' is not configured: set " + backendKey
                    + " (allowed values: " + String.join(", ", backends) + ")");
        }
        return named.computeIfAbsent(name, n -> StreamSettings.read(source, n, backends));
    }

    /**
     * The named streams declared in configuration sources that list their keys (properties
     * files, system properties, environment variables); a stream declared in a source that
     * does not list its keys is still found when the application refers to it.
     */
    Set<String> declaredStreams() {
        Set<String> names = new TreeSet<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(AirlogConfigKeys.STREAMS_PREFIX) && key.endsWith(BACKEND_SUFFIX)) {
                names.add(key.substring(AirlogConfigKeys.STREAMS_PREFIX.length(), key.length() - BACKEND_SUFFIX.length()));
            } else {
                Matcher env = ENV_STREAM_BACKEND.matcher(key);
                if (env.matches()) {
                    names.add(env.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        }
        if (names.remove(AirlogConfigKeys.DEFAULT_STREAM)) {
            throw new IllegalArgumentException(AirlogConfigKeys.forStream(AirlogConfigKeys.DEFAULT_STREAM,
                    AirlogConfigKeys.BACKEND) + ": '" + AirlogConfigKeys.DEFAULT_STREAM
                    + "' is the default stream; configure it with the airlog.* keys");
        }
        for (String name : names) {
            if (!AirlogConfigKeys.STREAM_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(AirlogConfigKeys.STREAMS_PREFIX + name + BACKEND_SUFFIX
                        + ": invalid stream name '" + name + "'; use 1 to 63 lower-case letters, digits and dashes,"
                        + " starting with a letter");
            }
        }
        return names;
    }

    private static Collection<String> validClassNames(String key, List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            if (!SourceVersion.isName(name.replace('$', '.'))) {
                throw ConfigView.invalidValue(key, name, "expected fully qualified exception class names, comma-separated");
            }
            out.add(name);
        }
        return out;
    }

    private void warnAboutUnknownKeys(Set<String> backendKeys) {
        Set<String> known = new LinkedHashSet<>(AirlogConfigKeys.STREAM_KEYS);
        known.addAll(AirlogConfigKeys.GLOBAL_KEYS);
        known.addAll(backendKeys);
        for (String key : config.getPropertyNames()) {
            if (!key.startsWith(AirlogConfigKeys.PREFIX) || known.contains(key)) {
                continue;
            }
            if (key.startsWith(AirlogConfigKeys.STREAMS_PREFIX) && isStreamKey(key, known)) {
                continue;
            }
            LOG.log(Level.WARNING, "unknown airlog configuration key {0} is ignored (see docs/configuration.md)", key);
        }
    }

    private static boolean isStreamKey(String key, Set<String> known) {
        String rest = key.substring(AirlogConfigKeys.STREAMS_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String global = AirlogConfigKeys.PREFIX + rest.substring(dot + 1);
        return known.contains(global) && !AirlogConfigKeys.GLOBAL_KEYS.contains(global);
    }
}
