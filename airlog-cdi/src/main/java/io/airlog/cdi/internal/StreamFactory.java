package io.airlog.cdi.internal;

import io.airlog.AuditStream;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.stream.JsonLinesAuditStream;

/** Opens the stream a {@link StreamSettings} describes. */
final class StreamFactory {
    private final DataSources dataSources;

    StreamFactory(DataSources dataSources) {
        this.dataSources = dataSources;
    }

    AuditStream open(StreamSettings s) {
        return switch (s.backend()) {
            case MEMORY -> new InMemoryAuditStream(s.name(), s.logId());
            case JSON -> s.jsonFile().map(file -> JsonLinesAuditStream.toFile(file, s.logId(), s.jsonDurability()))
                    .orElseGet(() -> JsonLinesAuditStream.toStdout(s.logId()));
            case NONE -> new DiscardingAuditStream(s.name(), s.key(AirlogConfigKeys.BACKEND) + "=none");
            case JDBC -> throw new IllegalStateException("the jdbc backend is not available yet");
        };
    }
}
