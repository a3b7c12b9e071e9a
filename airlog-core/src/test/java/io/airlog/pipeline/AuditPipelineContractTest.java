package io.airlog.pipeline;

import io.airlog.AuditEvent;
import io.airlog.AuditStream;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.testkit.AuditStreamContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** A pipeline with middleware in front of an in-memory stream meets the stream contract. */
class AuditPipelineContractTest extends AuditStreamContract {
    private final Map<String, AuditStreamRegistry> registries = new HashMap<>();

    @Override
    protected AuditStream openStream(String logId) {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(new InMemoryAuditStream("main", logId));
        registries.put(logId, registry);
        return AuditPipeline.builder("pipeline")
                .use(Redactor.defaults())
                .use(AuditMiddleware.enrich(Map.of("app", "contract")))
                .registry(registry).defaultStream("main").build();
    }

    @Override
    protected List<AuditEvent> readBack(String logId) {
        return ((InMemoryAuditStream) registries.get(logId).get("main")).events();
    }

    @AfterEach
    void closeRegistries() {
        registries.values().forEach(AuditStreamRegistry::close);
    }
}
