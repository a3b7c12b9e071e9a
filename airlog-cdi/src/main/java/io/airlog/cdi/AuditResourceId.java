package io.airlog.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of an {@link AuditLog audited} method that identifies the resource
 * acted on; its value becomes the event's {@code resourceId} (as text). At most one
 * parameter of a method may carry it.
 *
 * <pre>{@code
 * @AuditLog(action = "order.cancel")
 * public void cancel(@AuditResourceId long orderId) { ... }
 *
 * @AuditLog
 * public void ship(@AuditResourceId(property = "id") Order order) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditResourceId {

    /**
     * A property of the argument to use instead of the argument itself: a getter
     * ({@code getId()}, {@code isActive()}), a record component or public field, or a dotted
     * path of them ({@code "customer.id"}). Empty (the default) means the argument itself.
     */
    String property() default "";
}
