package io.airlog.cdi.internal;

import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.spi.AuditBackendProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The backends an application can select: every {@link AuditBackendProvider} found through
 * {@link ServiceLoader} and among the CDI beans, by name. Two different providers of one
 * name, a name that is not valid or that airlog uses for its own keys, fail the start.
 */
final class Backends {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9.-]*[a-z0-9]|[a-z0-9]");

    private final Map<String, AuditBackendProvider> providers;

    private Backends(Map<String, AuditBackendProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /**
     * The providers of {@code loader}'s {@code ServiceLoader} and the given beans.
     *
     * @throws IllegalStateException naming the providers of a name provided twice, or an
     *         invalid name or key
     */
    static Backends discover(ClassLoader loader, Iterable<AuditBackendProvider> beans) {
        List<AuditBackendProvider> found = new ArrayList<>();
        try {
            ServiceLoader.load(AuditBackendProvider.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load the audit backends listed in"
                    + " META-INF/services/io.airlog.spi.AuditBackendProvider: " + e.getMessage(), e);
        }
        beans.forEach(found::add);
        Map<String, AuditBackendProvider> byName = new TreeMap<>();
        for (AuditBackendProvider provider : found) {
            String name = provider.name();
            check(provider, name);
            AuditBackendProvider other = byName.putIfAbsent(name, provider);
            if (other != null && !other.getClass().getName().equals(provider.getClass().getName())) {
                throw new IllegalStateException("audit backend '" + name + "' is provided twice: by "
                        + other.getClass().getName() + " and by " + provider.getClass().getName());
            }
        }
        return new Backends(byName);
    }

    private static void check(AuditBackendProvider provider, String name) {
        if (name == null || !NAME.matcher(name).matches() || AirlogConfigKeys.RESERVED_WORDS.contains(name)) {
            throw new IllegalStateException("audit backend provider " + provider.getClass().getName()
                    + " has an invalid name '" + name + "': use 1 to 32 lower-case letters, digits and dashes,"
                    + " starting with a letter, and none of " + new TreeSet<>(AirlogConfigKeys.RESERVED_WORDS));
        }
        for (String key : provider.keys()) {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new IllegalStateException("audit backend '" + name + "' (" + provider.getClass().getName()
                        + ") has an invalid key '" + key + "': use lower-case letters, digits, dots and dashes");
            }
        }
    }

    /** The names of the backends, sorted. */
    Set<String> names() {
        return providers.keySet();
    }

    /** The provider of backend {@code name}, which must exist. */
    AuditBackendProvider get(String name) {
        return providers.get(name);
    }

    /** The names of the backends that sign checkpoints, sorted. */
    List<String> signing() {
        return providers.values().stream().filter(AuditBackendProvider::signsCheckpoints)
                .map(AuditBackendProvider::name).toList();
    }

    /** Every backend's own keys, in their global form ({@code airlog.json.file}). */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        providers.forEach((name, provider) -> provider.keys()
                .forEach(key -> keys.add(AirlogConfigKeys.forBackend(name, key))));
        return keys;
    }
}
