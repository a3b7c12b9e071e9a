package io.airlog.bench.jmh;

import io.airlog.merkle.CompactRange;
import io.airlog.merkle.ConsistencyProof;
import io.airlog.merkle.Digest;
import io.airlog.merkle.InclusionProof;
import io.airlog.merkle.LeafSource;
import io.airlog.merkle.Proofs;
import io.airlog.merkle.TreeEdge;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
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
 * verifying them. Scores in microseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class MerkleBenchmark {
    private static final int APPENDS = 1000;

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

    /** The proofs' sizes, for the report (binary: 32 bytes per hash). */
    public String proofSizes() {
        return String.format(Locale.ROOT, "proof sizes at %,d events: inclusion %d hashes = %d bytes,"
                        + " consistency from %,d: %d hashes = %d bytes (target <= 1,024 bytes)", leaves,
                inclusion.path().size(), inclusion.path().size() * Digest.LENGTH, olderSize,
                consistency.path().size(), consistency.path().size() * Digest.LENGTH);
    }
}
