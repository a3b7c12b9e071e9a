package io.airlog.cdi;

/** A superclass carrying the class-level binding; its subclass beans inherit it. */
@AuditLog
public abstract class AuditedBase {

    public String inheritedMethod(@AuditResourceId String id) {
        return id;
    }
}
