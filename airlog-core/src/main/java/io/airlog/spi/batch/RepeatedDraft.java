package io.airlog.spi.batch;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a draft whose event id is already stored is the same draft recorded again.
 *
 * <p>It is when the stored event belongs to the same log and every field of the draft is
 * equal to the stored event's: timestamp, action, principal (subject, authentication method,
 * metadata), resource, resource id, outcome, correlation id and context. Such a draft is
 * answered with the stored event (recording is idempotent per event id); any difference
 * means another event under a used id, which fails naming the fields that differ.
 */
final class RepeatedDraft {
    private RepeatedDraft() {
    }

    /** The names of the fields in which {@code draft} differs from {@code stored}; empty when it is the same draft. */
    static List<String> differences(AuditEvent stored, String logId, AuditDraft draft) {
        AuditDraft before = stored.toDraft();
        List<String> fields = new ArrayList<>();
        add(fields, "log", stored.logId(), logId);
        add(fields, "timestamp", before.timestamp(), draft.timestamp());
        add(fields, "action", before.action(), draft.action());
        add(fields, "principal", before.principal(), draft.principal());
        add(fields, "resource", before.resource(), draft.resource());
        add(fields, "resourceId", before.resourceId(), draft.resourceId());
        add(fields, "outcome", before.outcome(), draft.outcome());
        add(fields, "correlationId", before.correlationId(), draft.correlationId());
        add(fields, "context", before.context(), draft.context());
        return fields;
    }

    private static void add(List<String> fields, String name, Object stored, Object given) {
        if (!Objects.equals(stored, given)) {
            fields.add(name);
        }
    }
}
