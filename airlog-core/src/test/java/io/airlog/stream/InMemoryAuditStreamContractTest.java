package io.airlog.stream;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.testkit.AuditStreamContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class InMemoryAuditStreamContractTest extends AuditStreamContract {
    private final Map<String, InMemoryAuditStream> streams = new HashMap<>();

    @Override
    protected AuditStream openStream(String logId) {
        InMemoryAuditStream stream = InMemoryAuditStream.of(logId);
        streams.put(logId, stream);
        return stream;
    }

    @Override
    protected List<AuditEvent> readBack(String logId) {
        return streams.get(logId).events();
    }
}
