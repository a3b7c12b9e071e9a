package io.airlog.stream;

import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.internal.BackwardLines;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.VerificationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Verifies a JSON-lines audit file: every line an intact event, one gap-free chain, and, given
 * trusted keys, every checkpoint line validly signed and matching the events before it, and
 * the file consistent with its witness. Reports every damaged line with its kind; positions are
 * line numbers. Constant memory.
 *
 * <p>What each check needs: the chain alone catches edited, removed, reordered, duplicated and
 * foreign lines in the middle, but not lines cut off at the end, a file recomputed from scratch,
 * or a forged line appended with a correct link. Signed checkpoint lines (trusted keys) catch a
 * recomputed file and anything changed before a checkpoint; a forged line after the last
 * checkpoint is reported as an unsigned tail. The witness catches lines cut off at the end and
 * a file replaced by an older copy. Without keys or witness the report says plainly what it
 * could not check ({@link io.airlog.verify.Anchors#notChecked()}).
 *
 * <p>Auditors run it from the command line as {@code airlog verify FILE [--keys KEYS_FILE]
 * [--witness WITNESS_FILE] [--origin ORIGIN]} (module airlog-cli, {@code docs/cli.md}).
 */
public final class JsonLinesVerifier {
    private JsonLinesVerifier() {
    }

    /** Verifies a file, taking the log id from its first readable event; no keys, no witness. */
    public static VerificationReport verify(Path file) {
        return verify(file, firstLogId(file));
    }

    /** Verifies a file that must hold log {@code logId}; no keys, no witness. */
    public static VerificationReport verify(Path file, String logId) {
        return verify(file, CheckpointVerifier.builder(logId));
    }

    /**
     * Verifies a file with the checks of {@code checks}: its log, origin, trusted keys and
     * witness snapshot.
     */
    public static VerificationReport verify(Path file, CheckpointVerifier.Builder checks) {
        CheckpointVerifier tree = checks.build();
        ChainVerifier verifier = ChainVerifier.of(checks.logId(), tree);
        feed(verifier, JsonLinesReader.lines(file));
        return verifier.finish();
    }

    private static String firstLogId(Path file) {
        try (Stream<JsonLinesReader.Line> lines = JsonLinesReader.lines(file)) {
            return lines.filter(JsonLinesReader.Line::isEvent).findFirst().map(l -> l.event().logId()).orElse("");
        }
    }

    private static void feed(ChainVerifier verifier, Stream<JsonLinesReader.Line> source) {
        try (Stream<JsonLinesReader.Line> lines = source) {
            for (Iterator<JsonLinesReader.Line> it = lines.iterator(); it.hasNext(); ) {
                JsonLinesReader.Line line = it.next();
                if (line.isEvent()) {
                    verifier.accept(line.number(), line.event());
                } else if (line.isCheckpoint()) {
                    verifier.checkpoint(line.number(), line.checkpoint().note());
                } else {
                    verifier.acceptMalformed(line.number(), line.problem());
                }
            }
        }
    }

    /**
     * The result of checking the end of a file before appending to it.
     *
     * @param report the report (positions are line numbers from the start line when the check
     *               started at a checkpoint line)
     * @param edge the Merkle tree of the whole file, to continue from
     */
    record Tail(VerificationReport report, TreeEdge edge) {
    }

    /**
     * Checks the end of a file before a writer appends to it: from the newest checkpoint line
     * that a trusted key signed, whose edge matches it and which is not newer than the
     * witness's checkpoint, to the end (the whole file if there is none).
     */
    static Tail verifyTail(Path file, String logId, String origin, TrustedKeys keys, WitnessSnapshot witness) {
        CheckpointVerifier.Builder checks = CheckpointVerifier.builder(logId).origin(origin).trustedKeys(keys);
        if (witness != null) {
            checks.witness(witness);
        }
        long limit = witness == null ? Long.MAX_VALUE : witnessedSize(witness, keys, origin);
        long offset = 0;
        try (BackwardLines lines = BackwardLines.open(file)) {
            BackwardLines.Line line;
            while ((line = lines.previous()) != null) {
                String text = new String(line.bytes(), StandardCharsets.UTF_8);
                if (CheckpointLine.isCheckpointLine(text) && startAt(checks, text, keys, origin, limit)) {
                    offset = line.offset() + line.bytes().length + 1;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        CheckpointVerifier tree = checks.build();
        ChainVerifier verifier = ChainVerifier.of(logId, tree);
        feed(verifier, JsonLinesReader.lines(file, offset, 1));
        return new Tail(verifier.finish(), tree.edge());
    }

    private static boolean startAt(CheckpointVerifier.Builder checks, String text, TrustedKeys keys, String origin,
                                   long limit) {
        try {
            CheckpointLine line = CheckpointLine.parse(text);
            SignedCheckpoint signed = keys.open(line.note(), origin);
            TreeEdge edge = TreeEdge.parse(line.edge());
            if (signed.size() > limit || !signed.checkpoint().matches(edge)) {
                return false;
            }
            checks.startAt(signed, edge);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The size of the newest witness record a trusted key signed (unlimited if none). */
    private static long witnessedSize(WitnessSnapshot witness, TrustedKeys keys, String origin) {
        return witness.newestTrusted(keys, origin).map(SignedCheckpoint::size).orElse(Long.MAX_VALUE);
    }
}
