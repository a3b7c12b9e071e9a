package io.airlog.cdi;

import io.airlog.AuditEvent;

/**
 * Runs in a class loader without JAX-RS and MicroProfile Health (see
 * {@link OptionalDependenciesTest}): starts a container, makes one audited call, and
 * returns what was recorded.
 */
public final class IsolatedRun {
    private IsolatedRun() {
    }

    public static String run() {
        try (TestContainer c = TestContainer.builder().property("airlog.backend", "memory")
                .beans(AccountService.class).start()) {
            c.select(AccountService.class).open("A-1", "EUR");
            AuditEvent e = c.events().get(0);
            return e.action() + " " + e.outcome();
        }
    }
}
