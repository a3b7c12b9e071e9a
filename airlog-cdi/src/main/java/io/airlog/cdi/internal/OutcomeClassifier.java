package io.airlog.cdi.internal;

import io.airlog.Outcome;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.spi.ConfigView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides the outcome of a call that threw: {@link Outcome#DENIED} when the exception is (a
 * subclass of) a security exception, {@link Outcome#FAILURE} otherwise. Security exceptions
 * are {@link #STANDARD} plus {@code airlog.interceptor.denied-exceptions}; they are matched by
 * class name, so none of them has to be on the class path.
 */
@ApplicationScoped
public class OutcomeClassifier {
    /** The exceptions that always mean DENIED. */
    public static final List<String> STANDARD = List.of("java.lang.SecurityException",
            "jakarta.ws.rs.ForbiddenException", "jakarta.ws.rs.NotAuthorizedException",
            "jakarta.ejb.EJBAccessException");

    private final ClassValue<Outcome> outcomes = new ClassValue<>() {
        @Override
        protected Outcome computeValue(Class<?> thrown) {
            for (Class<?> c = thrown; c != null; c = c.getSuperclass()) {
                if (denied.contains(c.getName())) {
                    return Outcome.DENIED;
                }
            }
            return Outcome.FAILURE;
        }
    };

    @Inject
    AuditStreams streams;

    private Set<String> denied;

    /** For the container. */
    protected OutcomeClassifier() {
    }

    @PostConstruct
    void init() {
        Set<String> names = new HashSet<>(STANDARD);
        names.addAll(streams.settings().deniedExceptions());
        denied = Set.copyOf(names);
    }

    /** The outcome of a call that threw {@code thrown}. */
    public Outcome outcomeOf(Throwable thrown) {
        return outcomes.get(thrown.getClass());
    }

    /**
     * Checks that every configured exception class can be loaded and is a {@link Throwable}.
     *
     * @throws IllegalArgumentException naming the key and the class otherwise
     */
    public void validate(ClassLoader loader) {
        for (String name : streams.settings().deniedExceptions()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw ConfigView.invalidValue(AirlogConfigKeys.INTERCEPTOR_DENIED_EXCEPTIONS, name,
                        "class not found: expected fully qualified exception class names, comma-separated");
            }
            if (!Throwable.class.isAssignableFrom(type)) {
                throw ConfigView.invalidValue(AirlogConfigKeys.INTERCEPTOR_DENIED_EXCEPTIONS, name,
                        "not an exception class (java.lang.Throwable)");
            }
        }
    }
}
