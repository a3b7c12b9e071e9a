package io.airlog.cdi;

import io.airlog.AuditStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Injects the default and a named stream. */
@ApplicationScoped
public class StreamConsumer {
    @Inject
    AuditStream main;

    @Inject
    @AuditStreamName("security")
    AuditStream security;

    AuditStream main() {
        return main;
    }

    AuditStream security() {
        return security;
    }
}
