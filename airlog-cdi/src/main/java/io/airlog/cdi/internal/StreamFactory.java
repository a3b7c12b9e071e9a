package io.airlog.cdi.internal;

import io.airlog.AuditStream;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.pipeline.AuditMiddleware;
import io.airlog.pipeline.Redactor;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.stream.JsonLinesAuditStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the stream a {@link StreamSettings} describes: its backend, with the application's
 * middleware and the configured redaction in front when there are any.
 */
final class StreamFactory {
    private final DataSources dataSources;
    private final List<AuditMiddleware> applicationMiddleware;

    StreamFactory(DataSources dataSources, List<AuditMiddleware> applicationMiddleware) {
        this.dataSources = dataSources;
        this.applicationMiddleware = List.copyOf(applicationMiddleware);
    }

    AuditStream open(StreamSettings s) {
        List<AuditMiddleware> steps = new ArrayList<>(applicationMiddleware);
        redactor(s).ifPresent(steps::add);
        AuditStream backend = backend(s);
        if (steps.isEmpty()) {
            return backend;
        }
        AuditMiddleware chain = steps.get(0);
        for (AuditMiddleware next : steps.subList(1, steps.size())) {
            chain = chain.andThen(next);
        }
        return new MiddlewareStream(s.name(), chain, backend);
    }

    private AuditStream backend(StreamSettings s) {
        return switch (s.backend()) {
            case MEMORY -> new InMemoryAuditStream(s.name(), s.logId());
            case JSON -> s.jsonFile().map(file -> JsonLinesAuditStream.toFile(file, s.logId(), s.jsonDurability()))
                    .orElseGet(() -> JsonLinesAuditStream.toStdout(s.logId()));
            case NONE -> new DiscardingAuditStream(s.name(), s.key(AirlogConfigKeys.BACKEND) + "=none");
            case JDBC -> throw new IllegalStateException("the jdbc backend is not available yet");
        };
    }

    private static Optional<Redactor> redactor(StreamSettings s) {
        if (s.redactKeys().isEmpty() && !s.redactDefaults()) {
            return Optional.empty();
        }
        Redactor.Builder redactor = Redactor.builder();
        if (s.redactDefaults()) {
            redactor.defaults();
        }
        for (String key : s.redactKeys()) {
            try {
                redactor.key(key);
            } catch (IllegalArgumentException e) {
                throw ConfigReader.invalid(s.key(AirlogConfigKeys.REDACT_KEYS), key, e.getMessage());
            }
        }
        return Optional.of(redactor.build());
    }
}
