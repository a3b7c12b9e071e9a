package io.airlog.demo.document;

import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditResourceId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The document operations, with their role checks. Every operation that reads or changes one
 * document records an audit event: SUCCESS when it returns, DENIED when the caller lacks the
 * role (the audit interceptor wraps the security check), FAILURE when it throws (for example
 * {@link DocumentNotFoundException}). The event's resource id is the document id; create and
 * update copy the title into the event's context.
 *
 * <p>Roles: {@code viewer} reads, {@code editor} creates and updates, {@code admin} deletes.
 */
@ApplicationScoped
public class DocumentService {
    /** The resource type of the audit events. */
    public static final String RESOURCE = "document";

    @Inject
    DocumentStore store;

    @Inject
    SecurityIdentity identity;

    /** Creates a document with a new id. */
    @RolesAllowed("editor")
    @AuditLog(action = "document.create", resource = RESOURCE)
    public Document create(@AuditResourceId String id,
                           @AuditField(value = "title", property = "title") DocumentInput input) {
        return store.insert(id, input.checked(), user());
    }

    /** The document with this id. */
    @RolesAllowed("viewer")
    @AuditLog(action = "document.read", resource = RESOURCE)
    public Document get(@AuditResourceId String id) {
        return store.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
    }

    /** Every document, newest first (not audited: a listing reveals only titles). */
    @RolesAllowed("viewer")
    public List<Document> list() {
        return store.list();
    }

    /** Replaces a document's title and body. */
    @RolesAllowed("editor")
    @AuditLog(action = "document.update", resource = RESOURCE)
    public Document update(@AuditResourceId String id,
                           @AuditField(value = "title", property = "title") DocumentInput input) {
        return store.update(id, input.checked(), user()).orElseThrow(() -> new DocumentNotFoundException(id));
    }

    /** Deletes a document. */
    @RolesAllowed("admin")
    @AuditLog(action = "document.delete", resource = RESOURCE)
    public void delete(@AuditResourceId String id) {
        if (!store.delete(id)) {
            throw new DocumentNotFoundException(id);
        }
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
