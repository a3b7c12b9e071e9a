package io.airlog.cdi.internal;

import io.airlog.AuditContext;
import io.airlog.AuditDraft;
import io.airlog.AuditException;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.WriteMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the audit interceptor does for each call: works out the method's {@link MethodPlan}
 * (once), captures the annotated arguments before the call, times it, classifies its outcome
 * and records the event to the method's stream, honouring {@code airlog.on-write-failure}.
 */
@ApplicationScoped
public class AuditRecorder {
    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

    private final ClassValue<Map<Method, MethodPlan>> plans = new ClassValue<>() {
        @Override
        protected Map<Method, MethodPlan> computeValue(Class<?> beanClass) {
            return new ConcurrentHashMap<>();
        }
    };

    @Inject
    AuditStreams streams;

    @Inject
    PrincipalResolution principals;

    @Inject
    CorrelationLookup requestCorrelation;

    @Inject
    OutcomeClassifier outcomes;

    @Inject
    InterceptorFailures failures;

    /** For the container. */
    protected AuditRecorder() {
    }

    /**
     * Runs an intercepted call.
     *
     * @param invocation the call
     * @param beanClass the class of the bean whose method is called (not a proxy class)
     * @param interceptorPriority the priority of the calling interceptor; it records only if
     *        this is the configured one
     * @return what the method returned
     * @throws Exception what the method threw, unchanged
     */
    public Object intercept(InvocationContext invocation, Class<?> beanClass, int interceptorPriority)
            throws Exception {
        AirlogSettings settings = streams.settings();
        if (!settings.enabled() || interceptorPriority != settings.interceptorPriority()) {
            return invocation.proceed();
        }
        MethodPlan plan = plan(beanClass, invocation.getMethod());
        if (!plan.audited()) {
            return invocation.proceed();
        }
        AuditStreams.Target target = streams.target(plan.stream());

        AuditContext.Scope scope = null;
        AuditDraft started;
        try {
            UUID eventId = UUID.randomUUID();
            if (AuditContext.current().correlationId() == null) {
                String id = requestCorrelation.current();
                // Outside any request, the outermost audited call's event id correlates the calls nested in it.
                scope = AuditContext.scope().correlationId(id != null ? id : eventId.toString()).open();
            }
            started = start(plan, eventId, invocation.getParameters());
        } catch (RuntimeException e) {
            // Arguments never get here (a value that cannot be recorded becomes a marker): this is
            // the principal or correlation lookup, or an annotation value over a limit.
            if (scope != null) {
                scope.close();
            }
            AuditException failure = new AuditException("cannot audit " + plan.action() + " on " + beanClass.getName()
                    + ": " + e.getMessage(), e);
            failures.unrecorded(plan.stream(), failure.getMessage());
            if (target.settings().onWriteFailure() == StreamSettings.OnWriteFailure.FAIL) {
                throw failure;
            }
            LOG.log(Level.SEVERE, failure.getMessage() + "; the call proceeds without an audit event", e);
            return invocation.proceed();
        }

        long begin = System.nanoTime();
        Object result;
        long elapsed;
        try {
            result = invocation.proceed();
            elapsed = System.nanoTime() - begin;
        } catch (Throwable thrown) {
            AuditException failure = record(target, started, outcomes.outcomeOf(thrown), thrown,
                    System.nanoTime() - begin);
            if (failure != null) {
                thrown.addSuppressed(failure);
            }
            throw thrown;
        } finally {
            if (scope != null) {
                scope.close();
            }
        }
        AuditException failure = record(target, started, Outcome.SUCCESS, null, elapsed);
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /** The plan of {@code method} on beans of {@code beanClass}, worked out once. */
    public MethodPlan plan(Class<?> beanClass, Method method) {
        return plans.get(beanClass).computeIfAbsent(method, m -> MethodPlan.of(beanClass, m));
    }

    private AuditDraft start(MethodPlan plan, UUID eventId, Object[] arguments) {
        ArgumentValues values = ArgumentValues.of(plan, arguments);
        Principal who = AuditContext.current().principal() == null ? principals.current() : null;
        AuditDraft draft;
        try {
            draft = draft(plan, eventId, values, who);
        } catch (IllegalArgumentException refused) {
            values = values.checkedOneByOne();
            try {
                draft = draft(plan, eventId, values, who);
            } catch (IllegalArgumentException stillRefused) {
                values = values.allReplaced("the recorded arguments together exceed the context limit: "
                        + stillRefused.getMessage());
                draft = draft(plan, eventId, values, who);
            }
        }
        if (!values.problems().isEmpty()) {
            String reason = "values recorded as a marker in " + plan.action() + " (event " + eventId + "): "
                    + String.join("; ", values.describeProblems());
            failures.substituted(plan.stream(), values.problems().size(), reason);
            LOG.log(Level.WARNING, "audit: " + reason);
        }
        return draft;
    }

    private static AuditDraft draft(MethodPlan plan, UUID eventId, ArgumentValues values, Principal who) {
        AuditDraft.Builder draft = AuditDraft.builder(plan.action()).eventId(eventId).resource(plan.resource())
                .resourceId(values.resourceId()).putAll(values.context());
        if (who != null) {
            draft.principal(who);
        }
        return draft.build();
    }

    /**
     * Completes and records the event.
     *
     * @return the failure to hand to the caller (on-write-failure = fail), or null
     */
    private AuditException record(AuditStreams.Target target, AuditDraft started, Outcome outcome, Throwable thrown,
                                  long nanos) {
        try {
            Map<String, Object> facts = thrown == null
                    ? Map.of(MethodPlan.DURATION_KEY, Math.max(0, nanos))
                    : Map.of(MethodPlan.DURATION_KEY, Math.max(0, nanos),
                            MethodPlan.EXCEPTION_KEY, thrown.getClass().getName());
            AuditDraft done = started.withContextValues(facts).withOutcome(outcome);
            if (target.settings().writeMode() == WriteMode.ASYNC) {
                target.stream().submitAsync(done).whenComplete((result, error) -> {
                    if (error != null) {
                        String message = "audit event " + done.eventId() + " (" + done.action()
                                + ") could not be recorded to stream '" + target.settings().name() + "': "
                                + error.getMessage();
                        failures.unrecorded(target.settings().name(), message);
                        LOG.log(Level.SEVERE, message, error);
                    }
                });
                return null;
            }
            target.stream().submit(done);
            return null;
        } catch (RuntimeException e) {
            AuditException failure = e instanceof AuditException ae ? ae
                    : new AuditException("audit event for " + started.action() + " could not be recorded to stream '"
                    + target.settings().name() + "': " + e.getMessage(), e);
            failures.unrecorded(target.settings().name(), failure.getMessage());
            if (target.settings().onWriteFailure() == StreamSettings.OnWriteFailure.FAIL) {
                return failure;
            }
            LOG.log(Level.SEVERE, failure.getMessage(), e);
            return null;
        }
    }
}
