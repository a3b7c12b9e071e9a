package io.airlog.cdi.internal;

import io.airlog.AuditIntegrityException;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.cdi.AuditInterceptor;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditStreamName;
import io.airlog.cdi.LogCheck;
import io.airlog.spi.CheckpointStatus;
import io.airlog.spi.CheckpointingStream;
import io.airlog.spi.ConfigView;
import io.airlog.spi.LogVerification;
import io.airlog.spi.VerifyMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs when the container starts ({@link Startup}; in a servlet container, when the web
 * module starts, see {@link #start()}): validates the configuration, checks that
 * the configured interceptor priority exists, works out the plan of every audited method
 * (so annotation mistakes and unknown streams fail the start, not the first call), opens
 * every stream, and verifies each stored log as {@code airlog.verify.on-startup} says. A
 * damaged log fails the start ({@code airlog.verify.on-failure=fail}) or is logged at
 * ERROR and reported DOWN by the readiness check ({@code warn}).
 */
@ApplicationScoped
public class AirlogStartup {
    private static final Logger LOG = Logger.getLogger(AirlogStartup.class.getName());
    private static final String SERVLET_CONTEXT = "jakarta.servlet.ServletContext";

    @Inject
    AuditStreams streams;

    @Inject
    AuditRecorder recorder;

    @Inject
    OutcomeClassifier outcomes;

    @Inject
    BeanManager beanManager;

    @Inject
    Event<LogCheck> checkEvents;

    @Inject
    InterceptorFailures failures;

    private final Map<String, LogCheck> checks = new ConcurrentHashMap<>();
    private volatile boolean completed;
    private boolean started;

    /** For the container. */
    protected AirlogStartup() {
    }

    void onStartup(@Observes Startup event) {
        if (inServletContainer()) {
            LOG.fine("airlog start-up deferred to the start of the web module"
                    + " (io.airlog.cdi.servlet.AirlogServletInitializer)");
            return;
        }
        start();
    }

    /**
     * Does the start-up work, once: later calls return at once. Called on the CDI
     * {@link Startup} event, or, in a servlet container, when the web module starts
     * ({@code io.airlog.cdi.servlet.AirlogServletInitializer}): Payara delivers
     * {@code Startup} to the bean archives in {@code WEB-INF/lib} before the web module's
     * resources (data sources declared by the application, {@code java:comp/env}) are bound.
     *
     * @throws IllegalArgumentException if the configuration or an annotation is invalid
     * @throws AuditIntegrityException if a log is damaged and {@code airlog.verify.on-failure=fail}
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        AirlogSettings settings = streams.settings();
        if (!settings.enabled()) {
            LOG.info("airlog is disabled (" + AirlogConfigKeys.ENABLED + "=false): no audit events are recorded");
            return;
        }
        checkInterceptorPriority(settings.interceptorPriority());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        outcomes.validate(loader != null ? loader : getClass().getClassLoader());
        Set<String> names = new TreeSet<>(settings.declaredStreams());
        names.addAll(auditedMethodStreams());
        names.add(AirlogConfigKeys.DEFAULT_STREAM);
        try {
            List<AuditStreams.Target> opened = new ArrayList<>();
            for (String name : names) {
                opened.add(streams.target(name));
            }
            for (AuditStreams.Target target : opened) {
                verify(target);
            }
        } catch (RuntimeException e) {
            // the deployment fails: leave no writer thread or open file behind (a server such as
            // Payara keeps running after a failed deployment, and may deploy again)
            streams.closeAll();
            throw e;
        }
        completed = true;
    }

    /**
     * Whether this is a web module of a servlet container (the container has a
     * {@code ServletContext} bean): there the start-up work waits for the web module to start.
     */
    private boolean inServletContainer() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> servletContext = Class.forName(SERVLET_CONTEXT, false,
                    loader != null ? loader : getClass().getClassLoader());
            return !beanManager.getBeans(servletContext).isEmpty();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The results of the start-up check, by stream name. */
    public Map<String, LogCheck> checks() {
        return new TreeMap<>(checks);
    }

    /** Whether the start-up check ran to its end (false before it, and when airlog is disabled). */
    public boolean completed() {
        return completed;
    }

    /** Whether airlog is enabled ({@code airlog.enabled}). */
    public boolean enabled() {
        return streams.settings().enabled();
    }

    /** The state of every open stream, by name. */
    public List<StreamState> states() {
        List<StreamState> out = new ArrayList<>();
        for (AuditStreams.Target t : streams.opened()) {
            StreamSettings s = t.settings();
            Optional<CheckpointStatus> checkpoints = t.backend() instanceof CheckpointingStream signing
                    ? signing.checkpointStatus() : Optional.empty();
            out.add(new StreamState(s.name(), s.backend(), s.logId(), failures.adjust(s.name(), t.stream().health()),
                    checks.get(s.name()), failures.unrecorded(s.name()), failures.substituted(s.name()), checkpoints));
        }
        out.sort(java.util.Comparator.comparing(StreamState::name));
        return out;
    }

    private void checkInterceptorPriority(int configured) {
        Map<Integer, List<String>> byPriority = new TreeMap<>();
        for (Interceptor<?> interceptor : beanManager.resolveInterceptors(InterceptionType.AROUND_INVOKE,
                AuditLog.Literal.INSTANCE)) {
            Class<?> type = interceptor.getBeanClass();
            if (AuditInterceptor.class.isAssignableFrom(type)) {
                byPriority.computeIfAbsent(AuditInterceptor.priorityOf(type), p -> new ArrayList<>()).add(type.getName());
            }
        }
        for (Map.Entry<Integer, List<String>> e : byPriority.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new IllegalArgumentException("audit interceptors " + e.getValue() + " have the same priority "
                        + e.getKey() + "; each audit interceptor needs its own");
            }
        }
        if (!byPriority.containsKey(configured)) {
            List<String> allowed = new ArrayList<>();
            byPriority.forEach((p, types) -> allowed.add(p + " (" + types.get(0) + ")"));
            throw ConfigView.invalidValue(AirlogConfigKeys.INTERCEPTOR_PRIORITY, String.valueOf(configured),
                    "no audit interceptor has this priority; allowed values: " + String.join(", ", allowed)
                    + " (declare a subclass of " + AuditInterceptor.class.getName() + " for another one)");
        }
    }

    /** Plans every audited method of every bean; returns the named streams they record to. */
    private Set<String> auditedMethodStreams() {
        Set<String> names = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Bean<?> bean : beanManager.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (bean instanceof Interceptor || bean instanceof Decorator || !seen.add(type)) {
                continue;
            }
            injectedStreams(bean, names);
            try {
                planAuditedMethods(type, names);
            } catch (LinkageError | TypeNotPresentException e) {
                // a bean class of the container or a library whose optional types are absent: it is not audited
                LOG.log(Level.FINE, "cannot inspect bean class " + type.getName() + " for @AuditLog", e);
            }
        }
        return names;
    }

    /** Named streams injected with {@code @AuditStreamName}: each must be configured. */
    private void injectedStreams(Bean<?> bean, Set<String> names) {
        for (InjectionPoint point : bean.getInjectionPoints()) {
            for (Annotation qualifier : point.getQualifiers()) {
                if (qualifier instanceof AuditStreamName named
                        && !named.value().equals(AirlogConfigKeys.DEFAULT_STREAM)) {
                    try {
                        streams.settings().stream(named.value());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("injection point " + point + ": " + e.getMessage(), e);
                    }
                    names.add(named.value());
                }
            }
        }
    }

    private void planAuditedMethods(Class<?> type, Set<String> names) {
        boolean classLevel = MethodPlan.classBinding(type) != null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                boolean own = MethodPlan.methodBinding(m) != null;
                if (m.isSynthetic() || m.isBridge() || (!own && !classLevel)) {
                    continue;
                }
                int mod = m.getModifiers();
                if (Modifier.isPrivate(mod) || Modifier.isStatic(mod)) {
                    if (own) {
                        LOG.warning("@AuditLog on " + c.getName() + "." + m.getName() + " has no effect: "
                                + (Modifier.isPrivate(mod) ? "private" : "static") + " methods are not intercepted");
                    }
                    continue;
                }
                MethodPlan plan = recorder.plan(type, m);
                if (plan.audited() && !plan.stream().equals(AirlogConfigKeys.DEFAULT_STREAM)) {
                    names.add(plan.stream());
                    try {
                        streams.settings().stream(plan.stream());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(c.getName() + "." + m.getName() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    private void verify(AuditStreams.Target target) {
        StreamSettings s = target.settings();
        VerifyMode mode = s.verify().mode();
        LogVerification verification = mode == VerifyMode.OFF
                ? LogVerification.notVerified("log '" + s.logId() + "' not verified at start ("
                        + s.key(AirlogConfigKeys.VERIFY_ON_STARTUP) + "=off)")
                : target.storedLog().verify(mode);
        LogCheck check = LogCheck.of(s.name(), s.logId(), ConfigView.spelling(mode), verification);
        checks.put(s.name(), check);
        checkEvents.fire(check);
        if (!check.intact()) {
            damaged(s, check);
        }
    }

    private void damaged(StreamSettings s, LogCheck check) {
        String message = "audit stream '" + s.name() + "': " + check.summary();
        if (s.verify().onFailure() == StreamSettings.VerifyFailure.FAIL) {
            throw new AuditIntegrityException(check.logId(), check.firstBadSequence(), message + " ("
                    + s.key(AirlogConfigKeys.VERIFY_ON_FAILURE) + "=fail)");
        }
        LOG.log(Level.SEVERE, message + " (" + s.key(AirlogConfigKeys.VERIFY_ON_FAILURE)
                + "=warn: the application keeps running; readiness is DOWN)");
    }
}
