package io.airlog.bench.jmh;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Digest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing a checkpoint (C2SP signed note, JDK Ed25519) and opening one with trusted keys
 * (parse, Ed25519 verify, parse the body): what a writer pays per signed batch and a verifier
 * per stored checkpoint.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CheckpointBenchmark {
    private static final String ORIGIN = "airlog/bench";

    private NoteSigner signer;
    private TrustedKeys trusted;
    private Checkpoint checkpoint;
    private String note;
    private long size = 1_000_000;

    @Setup
    public void setUp() {
        signer = SigningKeys.generate("example.com/bench");
        trusted = TrustedKeys.of(signer.verifierKey());
        checkpoint = new Checkpoint(ORIGIN, size, Digest.sha256("root".getBytes(StandardCharsets.US_ASCII)));
        note = signer.sign(checkpoint).format();
    }

    /** Signs a checkpoint of a new size (the note text differs each time, as in a writer). */
    @Benchmark
    public SignedNote sign() {
        return signer.sign(new Checkpoint(ORIGIN, ++size, checkpoint.root()));
    }

    /** Parses and verifies a stored checkpoint note. */
    @Benchmark
    public SignedCheckpoint open() {
        return trusted.open(note, ORIGIN);
    }
}
