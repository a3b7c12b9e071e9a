package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.stream.JsonLinesAuditStream;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/** Keys, signed JSON-lines files and signed checkpoints for the tests. */
final class TestFiles {
    /** The key of RFC 8032 section 7.1 TEST 1, for checkpoints the tests sign. */
    static final NoteSigner KEY = SigningKeys.fromSeed(HexFormat.of().parseHex(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), "example.com/airlog-test");
    /** Another key, trusted by nobody. */
    static final NoteSigner OTHER_KEY = SigningKeys.generate("example.com/someone-else");

    private TestFiles() {
    }

    /** A file of the trusted verifier keys ({@link #KEY}). */
    static Path keys(Path dir) {
        return write(dir.resolve("trusted.keys"), KEY.verifierKey().encode() + "\n");
    }

    /**
     * A signed JSON-lines file of {@code count} events of log {@code logId}, a checkpoint line after
     * every event, witnessed in {@code witness} (if not null).
     */
    static Path signedFile(Path file, String logId, int count, Path witness) {
        JsonLinesAuditStream.Builder builder = JsonLinesAuditStream.builder(file, logId).signer(KEY)
                .checkpointInterval(Duration.ZERO);
        if (witness != null) {
            builder.witnessFile(witness);
        }
        try (JsonLinesAuditStream stream = builder.build()) {
            for (int i = 0; i < count; i++) {
                stream.record(TestLog.draft(i + 1));
            }
        }
        return file;
    }

    /** The tree edge over the first {@code size} events. */
    static TreeEdge edge(List<AuditEvent> events, int size) {
        TreeEdge edge = TreeEdge.empty();
        for (AuditEvent e : events.subList(0, size)) {
            edge = edge.append(Digest.fromHex(e.checksum()));
        }
        return edge;
    }

    /** The checkpoint of the first {@code size} events, signed with {@code key}. */
    static SignedNote sign(List<AuditEvent> events, int size, String logId, NoteSigner key) {
        return key.sign(Checkpoint.of(Checkpoint.defaultOrigin(logId), edge(events, size)));
    }

    /** Publishes signed checkpoints to the witness file {@code file} (created if absent), oldest first. */
    static Path publish(Path file, String logId, SignedNote... notes) {
        try {
            FileWitness witness = FileWitness.create(file, Checkpoint.defaultOrigin(logId));
            for (SignedNote note : notes) {
                witness.publish(Checkpoint.parse(note.text()), note);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A witness file holding the checkpoint of the first {@code size} events. */
    static Path witness(Path file, List<AuditEvent> events, int size, String logId) {
        try {
            SignedNote note = sign(events, size, logId, KEY);
            FileWitness.create(file, Checkpoint.defaultOrigin(logId)).publish(Checkpoint.parse(note.text()), note);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
