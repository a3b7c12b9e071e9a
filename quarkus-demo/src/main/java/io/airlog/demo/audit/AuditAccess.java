package io.airlog.demo.audit;

import io.airlog.cdi.AuditField;
import io.airlog.cdi.AuditLog;
import io.airlog.verify.VerificationReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.airlog.checkpoint.SignedCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reading the audit log, itself audited (who looked at the audit trail, and for what, is a
 * question auditors ask): a search records {@code audit.search} with the parameters given
 * ({@code filter}), a verification {@code audit.verify}, a look at the newest signed checkpoint
 * and the witness {@code audit.checkpoint}; resource {@value #RESOURCE}. For users
 * with role {@code admin} or {@code viewer}; anyone else is recorded as DENIED.
 */
@ApplicationScoped
public class AuditAccess {
    /** The resource type of the events. */
    public static final String RESOURCE = "audit-log";

    @Inject
    AuditSearch search;

    @Inject
    AuditTrail trail;

    /** One page of the events that match the request. */
    @RolesAllowed({"admin", "viewer"})
    @AuditLog(action = "audit.search", resource = RESOURCE)
    public EventPage search(@AuditField(value = "filter", property = "shown") EventSearchRequest request) {
        return search.search(request.checked());
    }

    /** Verifies the whole stored log and reports every damaged place. */
    @RolesAllowed({"admin", "viewer"})
    @AuditLog(action = "audit.verify", resource = RESOURCE)
    public Verification verify() {
        VerificationReport report = trail.verify();
        return new Verification(report.logId(), report.intact(), report.eventsRead(), report.end().size(),
                report.anchors().signedSize(), report.anchors().witnessedSize(), report.summary(), report.damages(), Instant.now());
    }

    /** The newest signed checkpoint of the log and what its witness file holds. */
    @RolesAllowed({"admin", "viewer"})
    @AuditLog(action = "audit.checkpoint", resource = RESOURCE)
    public CheckpointState checkpoint() {
        boolean signing = !trail.trustedKeys().isEmpty();
        CheckpointState.Signed signed = trail.newestCheckpoint().map(this::signed).orElse(null);
        CheckpointState.Witness witness = trail.witnessFile().map(this::witness).orElse(null);
        return new CheckpointState(trail.logId(), trail.origin(), signing, signed, witness);
    }

    private CheckpointState.Signed signed(SignedCheckpoint c) {
        return new CheckpointState.Signed(c.size(), c.checkpoint().root().hex(),
                trail.checkpointStoredAt(c.size()).orElse(null),
                c.signedBy().stream().map(k -> k.name() + "+" + k.keyIdHex()).toList(), c.note().format());
    }

    private CheckpointState.Witness witness(Path file) {
        return new CheckpointState.Witness(file.toString(), Files.exists(file), trail.witnessedSize(file).orElse(0L));
    }
}
