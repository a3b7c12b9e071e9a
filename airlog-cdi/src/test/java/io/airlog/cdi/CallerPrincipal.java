package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.security.Principal;

/**
 * Stands in for the container's {@code java.security.Principal} bean (which Weld SE lacks):
 * the caller's name is whatever the test set.
 */
@ApplicationScoped
public class CallerPrincipal {
    private volatile String name;

    void set(String callerName) {
        this.name = callerName;
    }

    @Produces
    @Dependent
    Principal caller() {
        String current = name;
        return () -> current;
    }
}
