package io.airlog.micrometer.cdi;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.cdi.AuditStreamOpened;
import io.airlog.cdi.LogCheck;
import io.airlog.micrometer.AirlogMetrics;
import io.airlog.pipeline.Delivery;
import io.airlog.pipeline.PipelineListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * {@link AirlogMetrics} as a CDI bean of an airlog-cdi application: every configured stream's
 * pipeline reports to it (a {@link PipelineListener} bean), it watches every stream airlog
 * opens ({@link AuditStreamOpened}) and every start-up check ({@link LogCheck}), and it binds
 * itself to the application's {@link MeterRegistry} bean when there is one (Quarkus with
 * quarkus-micrometer; it is also a {@link MeterBinder}, bound once per registry). Elsewhere,
 * bind it by hand: {@code @Inject AirlogMeterBinder meters; meters.bindTo(registry);}.
 */
@ApplicationScoped
public class AirlogMeterBinder implements MeterBinder, PipelineListener {
    private final AirlogMetrics metrics = new AirlogMetrics();

    @Inject
    Instance<MeterRegistry> registries;

    /** For the container. */
    protected AirlogMeterBinder() {
    }

    @PostConstruct
    void bindToTheApplicationsRegistry() {
        if (registries.isResolvable()) {
            metrics.bindTo(registries.get());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        metrics.bindTo(registry);
    }

    void opened(@Observes AuditStreamOpened stream) {
        metrics.watch(stream.stream(), stream.backendStream());
    }

    void checked(@Observes LogCheck check) {
        metrics.verified(check.stream(), check.verified(), check.intact(), check.checkedAt());
    }

    @Override
    public void stored(String stream, AuditEvent event, long nanos) {
        metrics.stored(stream, event, nanos);
    }

    @Override
    public void failed(String stream, AuditDraft draft, Delivery delivery, Throwable error, long nanos) {
        metrics.failed(stream, draft, delivery, error, nanos);
    }

    @Override
    public void dropped(String pipeline, AuditDraft draft) {
        metrics.dropped(pipeline, draft);
    }
}
