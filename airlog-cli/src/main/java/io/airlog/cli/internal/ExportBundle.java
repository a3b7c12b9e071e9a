package io.airlog.cli.internal;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.ConsistencyBundle;
import io.airlog.checkpoint.RejectedCheckpointException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.encoding.EventJson;
import io.airlog.merkle.Digest;
import io.airlog.merkle.LeafSource;
import io.airlog.merkle.Proofs;
import io.airlog.merkle.TreeEdge;
import io.airlog.verify.Anchors;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.Damage;
import io.airlog.verify.DamageKind;
import io.airlog.verify.VerificationReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The export bundle ({@value #FORMAT}): a range of a log's events as JSON lines that can be
 * checked without the store, against a signed checkpoint. One JSON value per line:
 * <pre>
 * {"format":"airlog-export/1","log":LOG,"origin":ORIGIN,"first":N,"last":M,"edge":"&lt;tree edge at N-1&gt;"}
 * &lt;the events N..M, one per line, as JSON-lines files hold them&gt;
 * {"proof":"&lt;consistency proof from M to the checkpoint's size, with the signed checkpoint&gt;"}
 * </pre>
 * The edge is the tree of the events before the range (its last leaf is the checksum event N
 * links to); appending the range's checksums gives the tree of M events, and the proof (a
 * {@link ConsistencyBundle}) shows that tree is a prefix of the signed one. Neither the edge nor
 * the proof is trusted before that check: only the signature is. Format and checks:
 * {@code docs/cli.md}.
 */
final class ExportBundle {
    /** The format of the first line. */
    static final String FORMAT = "airlog-export/1";

    private static final String START = "{\"format\":\"airlog-export/";
    private static final String PROOF = "{\"proof\":";
    private static final Set<String> HEADER = Set.of("format", "log", "origin", "first", "last", "edge");

    private ExportBundle() {
    }

    /** Whether {@code file} starts as an export bundle does. */
    static boolean isExport(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(START.length());
            return new String(start, StandardCharsets.UTF_8).equals(START);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes events {@code first..last} of {@code store} with the proof that leads them to
     * {@code checkpoint}; the proof line is written only once the proof is checked.
     *
     * @return the number of events written
     * @throws io.airlog.AuditIntegrityException if the store is damaged in what the export reads
     * @throws CliException (exit 1) if the stored events do not lead to the checkpoint's root
     */
    static long write(LogStore store, long first, long last, SignedCheckpoint checkpoint, TrustedKeys keys,
                      String origin, Writer out) throws IOException {
        LeafSource leaves = store.leaves();
        TreeEdge edge = Trees.edgeAt(leaves, first - 1);
        out.write(Json.object(g -> {
            g.writeStringField("format", FORMAT);
            g.writeStringField("log", store.logId());
            g.writeStringField("origin", origin);
            g.writeNumberField("first", first);
            g.writeNumberField("last", last);
            g.writeStringField("edge", edge.encode());
        }));
        out.write('\n');
        TreeEdge tree = edge;
        long written = 0;
        try (Stream<AuditEvent> events = store.range(first, last, edge.lastLeaf().map(Digest::hex)
                .orElse(ChainPosition.GENESIS))) {
            for (Iterator<AuditEvent> it = events.iterator(); it.hasNext(); ) {
                AuditEvent e = it.next();
                out.write(EventJson.toJson(e));
                out.write('\n');
                tree = tree.append(Digest.fromHex(e.checksum()));
                written++;
            }
        }
        ConsistencyBundle proof = ConsistencyBundle.of(Proofs.consistency(tree.range(), checkpoint.size(), leaves),
                checkpoint.note());
        try {
            proof.verify(tree.root(), keys, origin);
        } catch (IllegalArgumentException e) {
            throw CliException.damaged("the stored events of log '" + store.logId() + "' do not hash to the root of "
                    + checkpoint + ": the log was changed after it was signed; run `airlog verify` on " + store.label());
        }
        out.write(Json.object(g -> g.writeStringField("proof", proof.format())));
        out.write('\n');
        out.flush();
        return written;
    }

    /**
     * Checks an export bundle: its events as a chain from the start edge, and, with trusted
     * keys, that they lead to the root of the signed checkpoint its proof carries. Positions
     * are line numbers.
     *
     * @param log the log it must hold, or null
     * @param origin the origin its checkpoint must carry, or null for the one its first line names
     * @throws CliException if the file cannot be read, or holds another log than {@code log}
     */
    static VerificationReport verify(Path file, String log, TrustedKeys keys, String origin) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Check(file, log, keys, origin).run(in);
        } catch (IOException e) {
            throw CliException.error("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One check of one bundle. */
    private static final class Check {
        private final Path file;
        private final String expectedLog;
        private final TrustedKeys keys;
        private final String expectedOrigin;
        private final List<Damage> damages = new ArrayList<>();
        private final List<String> notChecked = new ArrayList<>();

        Check(Path file, String expectedLog, TrustedKeys keys, String expectedOrigin) {
            this.file = file;
            this.expectedLog = expectedLog;
            this.keys = keys;
            this.expectedOrigin = expectedOrigin;
        }

        VerificationReport run(BufferedReader in) throws IOException {
            Map<String, String> header;
            long first;
            long last;
            TreeEdge edge;
            try {
                header = Json.flatObject("the first line", String.valueOf(in.readLine()));
                if (!header.keySet().equals(HEADER) || !FORMAT.equals(header.get("format"))) {
                    throw new IllegalArgumentException("the first line of an export has exactly the members " + HEADER
                            + " and the format " + FORMAT + ", not " + header);
                }
                first = Long.parseLong(header.get("first"));
                last = Long.parseLong(header.get("last"));
                edge = TreeEdge.parse(header.get("edge"));
                if (first < 1 || last < first || edge.size() != first - 1) {
                    throw new IllegalArgumentException("the first line's range " + first + ".." + last
                            + " and start edge of size " + edge.size() + " do not fit together");
                }
            } catch (IllegalArgumentException e) {
                throw CliException.damaged(file + " is not a readable export: " + e.getMessage());
            }
            String log = header.get("log");
            if (expectedLog != null && !expectedLog.equals(log)) {
                throw CliException.error(file + " is an export of log '" + log + "', not '" + expectedLog + "'");
            }
            String origin = expectedOrigin != null ? expectedOrigin : header.get("origin");
            ChainPosition start = new ChainPosition(first - 1, edge.lastLeaf().map(Digest::hex)
                    .orElse(ChainPosition.GENESIS));
            ChainVerifier chain = ChainVerifier.from(log, start);
            TreeEdge tree = edge;
            boolean treeKnown = true;
            long highest = first - 1;
            String proofLine = null;
            long proofAt = 0;
            long number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (proofLine != null) {
                    damages.add(new Damage(DamageKind.MALFORMED, number, last, last, "a line after the proof line"));
                    continue;
                }
                if (line.startsWith(PROOF)) {
                    proofLine = line;
                    proofAt = number;
                    continue;
                }
                AuditEvent event;
                try {
                    event = EventJson.fromJson(line);
                } catch (IllegalArgumentException e) {
                    chain.acceptMalformed(number, e.getMessage());
                    treeKnown = false;
                    continue;
                }
                chain.accept(number, event);
                highest = Math.max(highest, event.sequence());
                try {
                    tree = tree.append(Digest.fromHex(event.checksum()));
                } catch (IllegalArgumentException e) {
                    treeKnown = false;
                }
            }
            VerificationReport events = chain.finish();
            damages.addAll(events.damages());
            if (highest < last) {
                damages.add(new Damage(DamageKind.MISSING, 0, highest + 1, last, "the export ends at sequence "
                        + highest + " but its first line says it holds " + first + ".." + last));
            }
            long signed = 0;
            if (proofLine == null) {
                damages.add(new Damage(DamageKind.CHECKPOINT_MISSING, 0, last, last, "the export has no proof line"
                        + " (it was cut off, or the export did not finish)"));
            } else if (keys.isEmpty()) {
                notChecked.add("the signed checkpoint (no trusted keys given): events changed, added or removed with"
                        + " their checksums recomputed pass without it");
            } else if (!treeKnown) {
                notChecked.add("the signed checkpoint (an event line has no readable checksum)");
            } else {
                signed = checkProof(proofLine, proofAt, tree, first, last, origin);
            }
            damages.sort(java.util.Comparator.comparingLong(Damage::position).thenComparingLong(Damage::firstSequence));
            return new VerificationReport(log, start, events.end(), events.eventsRead(), damages, events.notices(),
                    new Anchors(signed, 0, notChecked));
        }

        /** Checks the proof line; returns the last sequence when the range leads to a trusted signed root. */
        private long checkProof(String line, long at, TreeEdge tree, long first, long last, String origin) {
            ConsistencyBundle proof;
            try {
                proof = ConsistencyBundle.parse(Json.flatObject("the proof line", line).get("proof"));
            } catch (IllegalArgumentException | NullPointerException e) {
                damages.add(new Damage(DamageKind.MALFORMED, at, last, last, "the proof line cannot be read: "
                        + e.getMessage()));
                return 0;
            }
            if (proof.oldSize() != last || tree.size() != last) {
                damages.add(new Damage(DamageKind.CHECKPOINT_MISMATCH, at, first, last, "the proof starts at tree size "
                        + proof.oldSize() + " and the export's events end the tree at " + tree.size() + ", not at its"
                        + " last sequence " + last));
                return 0;
            }
            try {
                proof.verify(tree.root(), keys, origin);
                return last;
            } catch (RejectedCheckpointException e) {
                damages.add(new Damage(kind(e.reason()), at, last, last, e.getMessage()));
            } catch (IllegalArgumentException e) {
                damages.add(new Damage(DamageKind.CHECKPOINT_MISMATCH, at, first, last, "the exported events, after"
                        + " the start edge, do not hash to a tree that the signed checkpoint extends: an event was"
                        + " changed, added or removed (" + e.getMessage() + ")"));
            }
            return 0;
        }

        private static DamageKind kind(RejectedCheckpointException.Reason reason) {
            return switch (reason) {
                case MALFORMED -> DamageKind.CHECKPOINT_MALFORMED;
                case UNTRUSTED_KEY -> DamageKind.CHECKPOINT_UNTRUSTED;
                case BAD_SIGNATURE -> DamageKind.CHECKPOINT_SIGNATURE_INVALID;
                case OTHER_LOG -> DamageKind.CHECKPOINT_FOREIGN;
            };
        }
    }
}
