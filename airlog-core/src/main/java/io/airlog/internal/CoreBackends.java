package io.airlog.internal;

import io.airlog.spi.AuditBackend;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.airlog.spi.CheckpointSettings;
import io.airlog.spi.LogVerification;
import io.airlog.spi.VerifyMode;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.stream.JsonLinesAuditStream;
import io.airlog.stream.JsonLinesDurability;
import io.airlog.stream.JsonLinesVerifier;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.io.UncheckedIOException;
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

        /** With checkpoint settings, it writes signed checkpoint lines and publishes them to the witness. */
        @Override
        public boolean signsCheckpoints() {
            return true;
        }

        @Override
        public AuditBackend open(BackendContext context) {
            Optional<Path> file = context.settings().path("file");
            JsonLinesDurability durability = context.settings().choice("durability", JsonLinesDurability.class)
                    .orElse(JsonLinesDurability.FLUSH);
            Optional<CheckpointSettings> checkpoints = context.checkpoints();
            if (file.isEmpty()) {
                if (checkpoints.isPresent()) {
                    throw new IllegalArgumentException(context.settings().keyUsed("file") + " is required by the"
                            + " signed checkpoints of log '" + context.logId() + "' (standard output cannot carry them)");
                }
                return AuditBackend.unverifiable(JsonLinesAuditStream.toStdout(context.logId()),
                        "log '" + context.logId() + "' goes to standard output, which cannot be read back");
            }
            Path path = file.get();
            context.claimFile("file", path);
            String logId = context.logId();
            if (checkpoints.isPresent()) {
                return signed(context, path, durability, checkpoints.get());
            }
            JsonLinesAuditStream stream = JsonLinesAuditStream.toFile(path, logId, durability);
            return new AuditBackend(stream, mode -> mode == VerifyMode.FULL && Files.exists(path)
                    ? LogVerification.of(JsonLinesVerifier.verify(path, logId))
                    : LogVerification.notVerified("log '" + logId + "': only the last event of " + path
                            + " was verified, when the file was opened"));
        }

        /**
         * A stream with checkpoint lines. Opening checks the file's end against the trusted
         * keys and the witness (a failure fails the open, naming stream and log); the start-up
         * check reports that opening check ({@code incremental}) or verifies the whole file
         * with the keys and the witness ({@code full}).
         */
        private static AuditBackend signed(BackendContext context, Path path, JsonLinesDurability durability,
                                           CheckpointSettings c) {
            String logId = context.logId();
            JsonLinesAuditStream.Builder builder = JsonLinesAuditStream.builder(path, logId).durability(durability)
                    .signer(c.signer()).origin(c.origin()).checkpointInterval(c.interval())
                    .trustedKeys(c.trustedKeys()).witnessWindow(c.witnessWindow());
            c.witnessFile().ifPresent(builder::witnessFile);
            JsonLinesAuditStream stream;
            try {
                stream = builder.build();
            } catch (IllegalStateException e) {
                throw new IllegalStateException("audit stream '" + context.streamName() + "' (log '" + logId + "'): "
                        + e.getMessage(), e);
            }
            return new AuditBackend(stream, mode -> {
                if (mode == VerifyMode.FULL) {
                    CheckpointVerifier.Builder checks = CheckpointVerifier.builder(logId).origin(c.origin())
                            .trustedKeys(c.allTrustedKeys());
                    c.witnessFile().ifPresent(w -> checks.witness(readWitness(w, c.origin())));
                    return LogVerification.of(JsonLinesVerifier.verify(path, checks));
                }
                return stream.openingCheck().map(LogVerification::of).orElseGet(() -> LogVerification.notVerified(
                        "log '" + logId + "': " + path + " held no events when it was opened"));
            });
        }

        private static WitnessSnapshot readWitness(Path file, String origin) {
            try {
                return FileWitness.open(file, origin).read();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the witness file " + file + ": " + e.getMessage(), e);
            }
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
