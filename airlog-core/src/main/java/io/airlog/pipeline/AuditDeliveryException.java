package io.airlog.pipeline;

import io.airlog.AuditEvent;
import io.airlog.AuditException;
import java.util.Map;

/**
 * An {@link AuditPipeline} could not deliver an event to every stream it had to reach.
 * Delivery across streams is not atomic: the streams in {@link #delivered()} did store the
 * event (under the same event id), those in {@link #failures()} did not. The first failure is
 * the {@linkplain #getCause() cause}; the others are {@linkplain #getSuppressed() suppressed}.
 */
public class AuditDeliveryException extends AuditException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, AuditEvent> delivered;
    private final transient Map<String, RuntimeException> failures;

    /**
     * @param message what failed
     * @param delivered the events stored, by stream name, in delivery order
     * @param failures the failures, by stream name, in delivery order; not empty
     * @throws IllegalArgumentException if {@code failures} is empty
     */
    public AuditDeliveryException(String message, Map<String, AuditEvent> delivered,
                                  Map<String, RuntimeException> failures) {
        super(message, first(failures));
        this.delivered = Map.copyOf(delivered);
        this.failures = Map.copyOf(failures);
        failures.values().stream().skip(1).forEach(this::addSuppressed);
    }

    private static RuntimeException first(Map<String, RuntimeException> failures) {
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("failures must not be empty: a delivery exception reports a failure");
        }
        return failures.values().iterator().next();
    }

    /** The events stored, by stream name. */
    public Map<String, AuditEvent> delivered() {
        return delivered;
    }

    /** Why each failed stream did not store the event, by stream name. */
    public Map<String, RuntimeException> failures() {
        return failures;
    }
}
