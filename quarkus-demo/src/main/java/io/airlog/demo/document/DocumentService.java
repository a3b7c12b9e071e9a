package io.airlog.demo.document;

import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.AuditResourceId;
import io.airlog.demo.http.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The document operations, with their role checks; every one records an audit event: SUCCESS
 * when it returns, DENIED when the caller lacks the role (the audit interceptor wraps the
 * security check), FAILURE when it throws (a missing document, bad input, a missing or wrong
 * Content-Type). Each takes what the client sent, unchecked, and checks it inside the call,
 * so that a bad request is recorded too; the event records the client's values as
 * {@link io.airlog.demo.http.InputText#shown shown}, never text an event cannot hold.
 *
 * <p>Events: resource {@value #RESOURCE}, resource id the document id; create and update
 * record the title ({@code title}), the listing the page asked for ({@code offset},
 * {@code limit}). The listing returns titles only: a document's body is returned only by
 * {@link #get}, which is recorded per document.
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
                           @AuditField(value = "title", property = "titleShown") DocumentRequest request) {
        return store.insert(id, request.input(), user());
    }

    /** The document with this id. */
    @RolesAllowed("viewer")
    @AuditLog(action = "document.read", resource = RESOURCE)
    public Document get(@AuditResourceId(property = "shown") DocumentId id) {
        String checked = id.checked();
        return store.find(checked).orElseThrow(() -> new DocumentNotFoundException(checked));
    }

    /** One page of the documents, newest first, titles only. */
    @RolesAllowed("viewer")
    @AuditLog(action = "document.list", resource = RESOURCE)
    public DocumentPage list(@AuditField(value = "page", property = "shown") PageRequest page) {
        long offset = page.offset();
        int limit = page.limit();
        return new DocumentPage(store.count(), offset, limit, store.list(offset, limit));
    }

    /** Replaces a document's title and body. */
    @RolesAllowed("editor")
    @AuditLog(action = "document.update", resource = RESOURCE)
    public Document update(@AuditResourceId(property = "shown") DocumentId id,
                           @AuditField(value = "title", property = "titleShown") DocumentRequest request) {
        String checked = id.checked();
        return store.update(checked, request.input(), user()).orElseThrow(() -> new DocumentNotFoundException(checked));
    }

    /** Deletes a document. */
    @RolesAllowed("admin")
    @AuditLog(action = "document.delete", resource = RESOURCE)
    public void delete(@AuditResourceId(property = "shown") DocumentId id) {
        String checked = id.checked();
        if (!store.delete(checked)) {
            throw new DocumentNotFoundException(checked);
        }
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
