package io.airlog.cdi.internal;

import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.stream.JsonLinesAuditStream;
import java.nio.file.Path;

/** Opens the stream a {@link StreamSettings} describes, with its middleware and its start-up check. */
final class StreamFactory {
    private final DataSources dataSources;
    private final MiddlewareChain middleware;

    StreamFactory(DataSources dataSources, MiddlewareChain middleware) {
        this.dataSources = dataSources;
        this.middleware = middleware;
    }

    AuditStreams.Target open(StreamSettings s) {
        return switch (s.backend()) {
            case MEMORY -> new AuditStreams.Target(s, middleware.wrap(s, new InMemoryAuditStream(s.name(), s.logId())),
                    StoredLog.NOTHING);
            case JSON -> json(s);
            case NONE -> new AuditStreams.Target(s, new DiscardingAuditStream(s.name(),
                    s.key(AirlogConfigKeys.BACKEND) + "=none"), StoredLog.NOTHING);
            case JDBC -> JdbcBackend.open(s, dataSources.resolve(s), middleware);
        };
    }

    private AuditStreams.Target json(StreamSettings s) {
        if (s.jsonFile().isEmpty()) {
            return new AuditStreams.Target(s, middleware.wrap(s, JsonLinesAuditStream.toStdout(s.logId())),
                    StoredLog.NOTHING);
        }
        Path file = s.jsonFile().get();
        return new AuditStreams.Target(s, middleware.wrap(s, JsonLinesAuditStream.toFile(file, s.logId(),
                s.jsonDurability())), StoredLog.jsonFile(file));
    }
}
