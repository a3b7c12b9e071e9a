package io.airlog.cdi.health;

import io.airlog.StreamHealth;
import io.airlog.cdi.LogCheck;
import io.airlog.cdi.internal.AirlogStartup;
import io.airlog.cdi.internal.StreamState;
import io.airlog.spi.CheckpointStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check {@code airlog}: UP when the start-up check has run, every stream stores
 * events (its status is {@code UP} or {@code DEGRADED}) and no verified log was found
 * damaged; DOWN otherwise (for instance after a damaged log with
 * {@code airlog.verify.on-failure=warn}, while a JDBC stream's database fails or does not
 * answer within the write timeout, or while a batch is in doubt).
 *
 * <p>A stream is {@code DEGRADED} for a minute after the interceptor could not record one of
 * its events or recorded an argument value as a marker: it still works, so readiness stays
 * UP, and the data say what happened.
 *
 * <p>Data, per stream {@code <name>}: {@code <name>.backend}, {@code <name>.log-id},
 * {@code <name>.status} ({@code UP}, {@code DEGRADED}, {@code DOWN}), {@code <name>.up},
 * {@code <name>.recorded}, {@code <name>.failed}, {@code <name>.queued},
 * {@code <name>.unrecorded} (events the interceptor could not record),
 * {@code <name>.substituted} (argument values recorded as a marker), {@code <name>.detail}
 * (when there is one), {@code <name>.chain} ({@code intact} or {@code damaged}) and
 * {@code <name>.verification} (the start-up check's summary). A stream whose log is signed adds
 * {@code <name>.checkpoint.signed-size} (the tree size of its newest checkpoint),
 * {@code <name>.checkpoint.signed} (checkpoints signed since start) and, with a witness,
 * {@code <name>.witness.location}, {@code <name>.witness.published-size},
 * {@code <name>.witness.lag-ms}, {@code <name>.witness.failures} and
 * {@code <name>.witness.last-error} (when the last attempt failed). A witness later than its
 * window makes the stream {@code DEGRADED}, named in its detail: events are still stored and
 * signed, so readiness stays UP.
 *
 * <p>Only used where MicroProfile Health is present: the container skips this class
 * otherwise.
 */
@Readiness
@ApplicationScoped
public class AirlogReadinessCheck implements HealthCheck {
    /** The name of the check in health reports. */
    public static final String NAME = "airlog";

    @Inject
    AirlogStartup startup;

    /** For the container. */
    protected AirlogReadinessCheck() {
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        if (!startup.enabled()) {
            data.put("enabled", false);
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(data));
        }
        boolean up = startup.completed();
        if (!up) {
            data.put("startup", "the start-up check has not completed");
        }
        for (StreamState state : startup.states()) {
            String p = state.name() + ".";
            StreamHealth h = state.health();
            data.put(p + "backend", state.backend());
            data.put(p + "log-id", state.logId());
            data.put(p + "status", h.status().name());
            data.put(p + "up", h.up());
            data.put(p + "recorded", h.recorded());
            data.put(p + "failed", h.failed());
            data.put(p + "queued", h.queued());
            data.put(p + "unrecorded", state.unrecorded());
            data.put(p + "substituted", state.substituted());
            if (!h.detail().isEmpty()) {
                data.put(p + "detail", h.detail());
            }
            state.checkpoints().ifPresent(c -> checkpointData(p, c, data));
            LogCheck check = state.check();
            if (check != null) {
                data.put(p + "chain", check.chain());
                data.put(p + "verification", check.summary());
            }
            up &= state.ready();
        }
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(data));
    }

    private static void checkpointData(String p, CheckpointStatus c, Map<String, Object> data) {
        data.put(p + "checkpoint.signed-size", c.signedSize());
        data.put(p + "checkpoint.signed", c.signed());
        c.witness().ifPresent(w -> {
            data.put(p + "witness.location", w.location());
            data.put(p + "witness.published-size", w.publishedSize());
            data.put(p + "witness.lag-ms", w.lag().toMillis());
            data.put(p + "witness.failures", w.failures());
            if (!w.lastError().isEmpty()) {
                data.put(p + "witness.last-error", w.lastError());
            }
        });
    }
}
