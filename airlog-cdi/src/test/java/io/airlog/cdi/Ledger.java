package io.airlog.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A stereotype that carries the audit binding. */
@Stereotype
@ApplicationScoped
@AuditLog(resource = "Ledger")
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Ledger {
}
