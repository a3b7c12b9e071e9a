package io.airlog.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves something out of auditing.
 *
 * <ul>
 *   <li>On a method of a bean whose class carries {@link AuditLog}: calls of this method
 *   record no event.</li>
 *   <li>On a parameter: states that the argument must never be recorded. Arguments are left
 *   out anyway unless annotated, so this documents intent; combining it with
 *   {@link AuditResourceId}, {@link AuditField} or {@link AuditRedact} on the same
 *   parameter is an error reported on the first call.</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER})
public @interface AuditIgnore {
}
