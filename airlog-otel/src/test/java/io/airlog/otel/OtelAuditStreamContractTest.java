package io.airlog.otel;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.encoding.EventJson;
import io.airlog.testkit.AuditStreamContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The OpenTelemetry stream meets the stream contract; its storage is the SDK's exported records. */
class OtelAuditStreamContractTest extends AuditStreamContract {
    @TempDir
    Path dir;

    private final OtelSdk otel = new OtelSdk();

    @Override
    protected AuditStream openStream(String logId) {
        return OtelAuditStream.builder(otel.openTelemetry(), dir.resolve(logId + ".state"), logId).build();
    }

    @Override
    protected List<AuditEvent> readBack(String logId) {
        return otel.records().stream().map(r -> EventJson.fromJson(r.getBodyValue().asString()))
                .filter(e -> e.logId().equals(logId)).toList();
    }

    @AfterEach
    void closeSdk() {
        otel.close();
    }
}
