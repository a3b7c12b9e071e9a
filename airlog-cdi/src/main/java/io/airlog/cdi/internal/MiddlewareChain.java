package io.airlog.cdi.internal;

import io.airlog.AuditStream;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.pipeline.AuditMiddleware;
import io.airlog.pipeline.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * The middleware in front of every stream: the application's {@link AuditMiddleware} beans
 * (in {@code @Priority} order), then the redaction that the stream's
 * {@code airlog.redact.*} keys configure.
 */
final class MiddlewareChain {
    private final List<AuditMiddleware> application;

    MiddlewareChain(List<AuditMiddleware> application) {
        this.application = List.copyOf(application);
    }

    /** The backend itself when no middleware applies, else the backend behind the middleware. */
    AuditStream wrap(StreamSettings s, AuditStream backend) {
        List<AuditMiddleware> steps = new ArrayList<>(application);
        if (!s.redactKeys().isEmpty() || s.redactDefaults()) {
            steps.add(redactor(s));
        }
        if (steps.isEmpty()) {
            return backend;
        }
        AuditMiddleware chain = steps.get(0);
        for (AuditMiddleware next : steps.subList(1, steps.size())) {
            chain = chain.andThen(next);
        }
        return new MiddlewareStream(s.name(), chain, backend);
    }

    private static Redactor redactor(StreamSettings s) {
        Redactor.Builder redactor = Redactor.builder();
        if (s.redactDefaults()) {
            redactor.defaults();
        }
        for (String key : s.redactKeys()) {
            try {
                redactor.key(key);
            } catch (IllegalArgumentException e) {
                throw ConfigReader.invalid(s.key(AirlogConfigKeys.REDACT_KEYS), key, e.getMessage());
            }
        }
        return redactor.build();
    }
}
