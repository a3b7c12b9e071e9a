package io.airlog.bench.jmh;

import io.airlog.bench.report.Table;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.ConsistencyBundle;
import io.airlog.checkpoint.InclusionBundle;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.CompactRange;
import io.airlog.merkle.ConsistencyProof;
import io.airlog.merkle.Digest;
import io.airlog.merkle.InclusionProof;
import io.airlog.merkle.LeafSource;
import io.airlog.merkle.Proofs;
import io.airlog.merkle.TreeEdge;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Merkle tree of a log of 1,000,000 events: appending a leaf to the writer's tree edge,
 * generating inclusion and consistency proofs by reading every leaf once through a
 * {@link LeafSource} (held in memory here, so the score is the hashing, not a database), and
 * verifying them: the bare hashes, and the C2SP proof texts that {@code airlog prove} and
 * {@code airlog consistency} print (parsed, the checkpoint's Ed25519 signature checked, then the
 * path). Scores in microseconds per operation; {@link #table} adds the proofs' sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class MerkleBenchmark {
    private static final int APPENDS = 1000;
    private static final String ORIGIN = Checkpoint.defaultOrigin("bench");
    private static final NoteSigner KEY = SigningKeys.generate("bench.airlog.io/proofs");
    private static final TrustedKeys TRUSTED = TrustedKeys.of(KEY.verifierKey());

    /** The number of leaves of the log. */
    @Param("1000000")
    public int leaves;

    private byte[] flat;
    private TreeEdge edge;
    private CompactRange older;
    private InclusionProof inclusion;
    private ConsistencyProof consistency;
    private Digest root;
    private Digest olderRoot;
    private long index;
    private long olderSize;
    private String inclusionText;
    private String consistencyText;

    /** Leaf i: SHA-256 of i as 8 bytes. */
    static Digest leaf(long i) {
        return Digest.sha256(ByteBuffer.allocate(8).putLong(i).array());
    }

    @Setup
    public void setUp() {
        flat = new byte[leaves * Digest.LENGTH];
        for (int i = 0; i < leaves; i++) {
            System.arraycopy(leaf(i).toBytes(), 0, flat, i * Digest.LENGTH, Digest.LENGTH);
        }
        index = leaves * 3L / 4 + 1;
        olderSize = leaves - leaves / 1000;
        older = CompactRange.empty();
        TreeEdge e = TreeEdge.empty();
        for (int i = 0; i < leaves; i++) {
            if (i == olderSize) {
                older = e.range();
            }
            e = e.append(leafAt(i));
        }
        edge = e;
        root = edge.root();
        olderRoot = older.root();
        inclusion = inclusionProof();
        consistency = consistencyProof();
        inclusionText = InclusionBundle.of(inclusion, KEY.sign(Checkpoint.of(ORIGIN, edge))).format();
        consistencyText = ConsistencyBundle.of(consistency, KEY.sign(Checkpoint.of(ORIGIN, edge))).format();
    }

    private Digest leafAt(long i) {
        int from = (int) i * Digest.LENGTH;
        return Digest.of(Arrays.copyOfRange(flat, from, from + Digest.LENGTH));
    }

    /** The leaves held in memory, as a database query would hand them over. */
    LeafSource source() {
        return (from, to, sink) -> deliver(from, to, sink);
    }

    private void deliver(long from, long to, Consumer<Digest> sink) {
        for (long i = from; i < to; i++) {
            sink.accept(leafAt(i));
        }
    }

    /** Appends a leaf to the tree edge of the full log (per leaf, over 1,000 appends). */
    @Benchmark
    @OperationsPerInvocation(APPENDS)
    public TreeEdge appendLeaf() {
        TreeEdge e = edge;
        for (int i = 0; i < APPENDS; i++) {
            e = e.append(leafAt(i));
        }
        return e;
    }

    /** Generates the inclusion proof of one event, reading every leaf once. */
    @Benchmark
    public InclusionProof inclusionProof() {
        return Proofs.inclusion(index, leaves, source());
    }

    /** Generates a consistency proof from 999,000 to 1,000,000 events, reading every leaf once. */
    @Benchmark
    public ConsistencyProof consistencyProof() {
        return Proofs.consistency(olderSize, leaves, source());
    }

    /** The same proof from the older compact range, reading only the 1,000 new leaves. */
    @Benchmark
    public ConsistencyProof consistencyProofFromRange() {
        return Proofs.consistency(older, leaves, source());
    }

    /** Verifies the inclusion proof (RFC 9162 section 2.1.3.2). */
    @Benchmark
    public boolean verifyInclusion() {
        return inclusion.verify(leafAt(index), root);
    }

    /** Verifies the consistency proof (RFC 9162 section 2.1.4.2). */
    @Benchmark
    public boolean verifyConsistency() {
        return consistency.verify(olderRoot, root);
    }

    /** Checks the inclusion proof as {@code airlog prove} prints it: parse, signature, path. */
    @Benchmark
    public SignedCheckpoint checkInclusionText() {
        return InclusionBundle.parse(inclusionText).verify(leafAt(index), TRUSTED, ORIGIN);
    }

    /** Checks the consistency proof as {@code airlog consistency} prints it: parse, signature, path. */
    @Benchmark
    public SignedCheckpoint checkConsistencyText() {
        return ConsistencyBundle.parse(consistencyText).verify(olderRoot, TRUSTED, ORIGIN);
    }

    /** The inclusion proof's C2SP text ({@code c2sp.org/tlog-proof@v1} with its signed checkpoint). */
    String inclusionText() {
        return inclusionText;
    }

    /** The consistency proof's text (old size, hashes, empty line, signed checkpoint). */
    String consistencyText() {
        return consistencyText;
    }

    /**
     * The proofs' sizes, as bare hashes (32 bytes each), as the C2SP proof lines and as the whole
     * text with its signed checkpoint, with the times to produce and to check them from the JMH
     * {@code scores} (microseconds by benchmark method name; "n/a" where one did not run).
     */
    public Table table(Map<String, Double> scores) {
        Table t = new Table("proof at " + Table.count(leaves) + " events", "hashes", "bare hashes (bytes)",
                "proof lines (bytes)", "with signed checkpoint (bytes)", "produce (µs)", "check hashes (µs)",
                "check text with signature (µs)");
        t.row("inclusion of event " + Table.count(index + 1), Integer.toString(inclusion.path().size()),
                Table.count(inclusion.path().size() * Digest.LENGTH), Table.count(proofLines(inclusionText)),
                Table.count(bytes(inclusionText)), score(scores, "inclusionProof"), score(scores, "verifyInclusion"),
                score(scores, "checkInclusionText"));
        t.row("consistency " + Table.count(olderSize) + " → " + Table.count(leaves),
                Integer.toString(consistency.path().size()), Table.count(consistency.path().size() * Digest.LENGTH),
                Table.count(proofLines(consistencyText)), Table.count(bytes(consistencyText)),
                score(scores, "consistencyProof") + " (from the stored range: "
                        + score(scores, "consistencyProofFromRange") + ")",
                score(scores, "verifyConsistency"), score(scores, "checkConsistencyText"));
        return t;
    }

    private static String score(Map<String, Double> scores, String method) {
        Double s = scores.get(MerkleBenchmark.class.getSimpleName() + "." + method);
        return s == null ? "n/a" : String.format(Locale.ROOT, "%,.1f", s);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The bytes of a proof text before the empty line that starts its checkpoint. */
    private static int proofLines(String text) {
        return bytes(text.substring(0, text.indexOf("\n\n") + 1));
    }
}
