package io.airlog.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records that a parameter of an {@link AuditLog audited} method was given, but not its
 * value: the event's context holds the marker {@value #MARKER} under the parameter's
 * {@link AuditField} key (or the parameter name) when the argument is not null, and null
 * when it is.
 *
 * <pre>{@code
 * @AuditLog
 * public void changePassword(@AuditResourceId String user, @AuditRedact String newPassword) { ... }
 * // context: {"newPassword": "[REDACTED]"}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditRedact {

    /** What stands in the context instead of the value. */
    String MARKER = "[REDACTED]";
}
