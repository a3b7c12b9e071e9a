package io.airlog.bench.load;

import io.airlog.AuditDraft;
import io.airlog.encoding.CanonicalJson;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.MapMessage;

/**
 * Log4j2 2.x's {@link FileAppender} with {@link JsonTemplateLayout}: one JSON object per line
 * with the event's fields (the same members as airlog's JSON lines, less the checksums; the
 * principal's metadata and the context as JSON objects), from a {@link MapMessage} that the
 * application logs. Log4j2's defaults otherwise: {@code immediateFlush=true}, so that each line
 * is handed to the operating system before the call returns (as airlog's
 * {@link io.airlog.stream.JsonLinesDurability#FLUSH}), through an 8 KiB buffer; no file lock.
 */
public final class Log4jFileSink implements Sink {
    /** The event template: airlog's JSON-lines members, each from the message's map; LOG_ID is the log. */
    static final String TEMPLATE = """
            {
              "logId": LOG_ID,
              "sequence": {"$resolver": "counter", "start": 1},
              "eventId": {"$resolver": "map", "key": "eventId"},
              "timestamp": {"$resolver": "map", "key": "timestamp"},
              "action": {"$resolver": "map", "key": "action"},
              "principal": {
                "subject": {"$resolver": "map", "key": "subject"},
                "authMethod": {"$resolver": "map", "key": "authMethod"},
                "metadata": {"$resolver": "map", "key": "metadata"}
              },
              "resource": {"$resolver": "map", "key": "resource"},
              "resourceId": {"$resolver": "map", "key": "resourceId"},
              "outcome": {"$resolver": "map", "key": "outcome"},
              "correlationId": {"$resolver": "map", "key": "correlationId"},
              "context": {"$resolver": "map", "key": "context"}
            }
            """;
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private final Log4jContext log4j;

    /** Starts a logger appending to {@code file}, writing {@code logId} as each line's log. */
    public Log4jFileSink(Path file, String logId) {
        String template = TEMPLATE.replace("LOG_ID", CanonicalJson.toJson(logId));
        this.log4j = new Log4jContext("bench-log4j-file-" + CONTEXTS.incrementAndGet(), config -> {
            FileAppender appender = FileAppender.newBuilder().setName("file").setConfiguration(config)
                    .setIgnoreExceptions(false).setFileName(file.toString()).setAppend(true)
                    .setLayout(JsonTemplateLayout.newBuilder().setConfiguration(config).setEventTemplate(template)
                            .build())
                    .build();
            appender.start();
            return appender;
        });
    }

    /** The map message an application logs for {@code draft}. */
    static MapMessage<?, Object> message(AuditDraft draft) {
        return new MapMessage<>(11)
                .with("eventId", draft.eventId().toString())
                .with("timestamp", draft.timestamp().toString())
                .with("action", draft.action())
                .with("subject", draft.principal().subject())
                .with("authMethod", draft.principal().authMethod().name())
                .with("metadata", draft.principal().metadata())
                .with("resource", draft.resource())
                .with("resourceId", draft.resourceId())
                .with("outcome", draft.outcome().name())
                .with("correlationId", draft.correlationId())
                .with("context", draft.context());
    }

    @Override
    public CompletionStage<?> store(int caller, AuditDraft draft) {
        log4j.logger().info(message(draft));
        return null;
    }

    @Override
    public void close() {
        log4j.close();
    }
}
