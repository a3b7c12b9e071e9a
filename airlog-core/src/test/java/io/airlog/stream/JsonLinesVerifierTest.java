package io.airlog.stream;

import io.airlog.AuditDraft;
import io.airlog.testkit.JsonLinesTamperContract;
import java.nio.file.Path;
import java.util.List;

/** The tamper suite on files the JSON-lines stream wrote. */
class JsonLinesVerifierTest extends JsonLinesTamperContract {

    @Override
    protected void write(Path target, List<AuditDraft> drafts) {
        try (JsonLinesAuditStream s = JsonLinesAuditStream.toFile(target, LOG_ID)) {
            drafts.forEach(s::record);
        }
    }
}
