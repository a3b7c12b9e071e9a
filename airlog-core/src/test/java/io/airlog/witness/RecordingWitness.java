package io.airlog.witness;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.spi.CheckpointWitness;
import io.airlog.spi.WitnessSnapshot;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A witness kept in memory that can be held (publishes wait for {@link #release()}) or made to
 * fail a number of times: the slow and failing witnesses the publisher must cope with.
 */
final class RecordingWitness implements CheckpointWitness {
    final List<Long> published = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    volatile boolean closed;

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public boolean publish(Checkpoint checkpoint, SignedNote note) throws IOException {
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IOException("held too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("disk full");
        }
        published.add(checkpoint.size());
        return true;
    }

    @Override
    public WitnessSnapshot read() {
        throw new UnsupportedOperationException("the publisher never reads");
    }

    @Override
    public void close() {
        closed = true;
    }
}
