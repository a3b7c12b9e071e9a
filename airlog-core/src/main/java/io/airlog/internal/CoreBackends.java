package io.airlog.internal;

import io.airlog.spi.AuditBackend;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.airlog.spi.LogVerification;
import io.airlog.spi.VerifyMode;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.stream.JsonLinesAuditStream;
import io.airlog.stream.JsonLinesDurability;
import io.airlog.stream.JsonLinesVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The backends of airlog-core, found through {@link java.util.ServiceLoader}. */
public final class CoreBackends {
    private CoreBackends() {
    }

    /** {@code json}: JSON lines appended to {@code airlog.json.file}, or standard output. */
    public static final class Json implements AuditBackendProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Json() {
        }

        @Override
        public String name() {
            return "json";
        }

        @Override
        public List<String> keys() {
            return List.of("file", "durability");
        }

        @Override
        public AuditBackend open(BackendContext context) {
            Optional<Path> file = context.settings().path("file");
            JsonLinesDurability durability = context.settings().choice("durability", JsonLinesDurability.class)
                    .orElse(JsonLinesDurability.FLUSH);
            if (file.isEmpty()) {
                return AuditBackend.unverifiable(JsonLinesAuditStream.toStdout(context.logId()),
                        "log '" + context.logId() + "' goes to standard output, which cannot be read back");
            }
            Path path = file.get();
            context.claimFile("file", path);
            JsonLinesAuditStream stream = JsonLinesAuditStream.toFile(path, context.logId(), durability);
            String logId = context.logId();
            return new AuditBackend(stream, mode -> mode == VerifyMode.FULL && Files.exists(path)
                    ? LogVerification.of(JsonLinesVerifier.verify(path, logId))
                    : LogVerification.notVerified("log '" + logId + "': only the last event of " + path
                            + " was verified, when the file was opened"));
        }
    }

    /** {@code memory}: a log in memory, for tests and demos. */
    public static final class Memory implements AuditBackendProvider {
        /** For {@link java.util.ServiceLoader}. */
        public Memory() {
        }

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public List<String> keys() {
            return List.of();
        }

        @Override
        public AuditBackend open(BackendContext context) {
            return AuditBackend.unverifiable(new InMemoryAuditStream(context.streamName(), context.logId()),
                    "backend memory keeps no stored chain to verify");
        }
    }

    /** {@code none}: events are discarded and counted. */
    public static final class None implements AuditBackendProvider {
        /** For {@link java.util.ServiceLoader}. */
        public None() {
        }

        @Override
        public String name() {
            return "none";
        }

        @Override
        public List<String> keys() {
            return List.of();
        }

        @Override
        public AuditBackend open(BackendContext context) {
            return AuditBackend.unverifiable(new DiscardingAuditStream(context.streamName(), context.selectedBy()),
                    "backend none keeps no stored chain to verify");
        }
    }
}
