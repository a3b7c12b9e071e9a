package io.airlog.witness;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedNote;
import io.airlog.spi.CheckpointWitness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes a log's newest signed checkpoint to a {@link CheckpointWitness} off the writer's
 * path: {@link #offer} returns at once, and one background thread publishes.
 *
 * <p><b>Coalescing.</b> Only the newest offered checkpoint counts: one offered while an older
 * one waits replaces it. The thread publishes at most once per half window, so a witness
 * that syncs to disk costs at most two syncs per window, however many batches commit.
 *
 * <p><b>The window.</b> A checkpoint offered at time t is published (itself or a newer one) by
 * t + window, as long as the witness answers within half the window. When the witness fails
 * or is slow, nothing is lost from the log; the publisher keeps the newest checkpoint, retries
 * every half window, and {@link #status()} shows the {@linkplain WitnessStatus#lag() lag} and
 * the last error ({@link WitnessStatus#behind()} for health checks). {@link #close()} publishes
 * the last checkpoint before it returns.
 *
 * <p>Thread-safe.
 */
public final class WitnessPublisher implements AutoCloseable {
    /** The default window: one second. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);

    private static final long CLOSE_WAIT_MILLIS = 30_000;

    private final CheckpointWitness witness;
    private final Duration window;
    private final long spacingNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;

    private Offer pending;
    private Offer inFlight;
    private boolean offered;
    private long offeredSize;
    private long publishedSize;
    private long published;
    private long failures;
    private String lastError = "";
    private long lastAttempt;
    private boolean closing;

    /** A checkpoint waiting, and since when its oldest unpublished predecessor has waited. */
    private record Offer(Checkpoint checkpoint, SignedNote note, long since) {
    }

    /**
     * Starts a publisher (and its daemon thread).
     *
     * @param witness where checkpoints go; closed by {@link #close()}
     * @param window the longest time from an offer to its publication (at least 2 ms)
     */
    public WitnessPublisher(CheckpointWitness witness, Duration window) {
        this.witness = Objects.requireNonNull(witness, "witness");
        this.window = Objects.requireNonNull(window, "window");
        if (window.toMillis() < 2) {
            throw new IllegalArgumentException("the witness window must be at least 2 ms, not " + window);
        }
        this.spacingNanos = window.toNanos() / 2;
        this.lastAttempt = System.nanoTime() - spacingNanos;
        this.thread = new Thread(this::run, "airlog-witness " + witness.location());
        thread.setDaemon(true);
        thread.start();
    }

    /** A publisher with the {@linkplain #DEFAULT_WINDOW default window}. */
    public WitnessPublisher(CheckpointWitness witness) {
        this(witness, DEFAULT_WINDOW);
    }

    /**
     * Hands over a newly signed checkpoint; returns at once. An offer no newer (by tree size)
     * than one already offered is ignored.
     *
     * @throws IllegalStateException if the publisher is closed
     */
    public void offer(Checkpoint checkpoint, SignedNote note) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(note, "note");
        lock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("the witness publisher of " + witness.location() + " is closed");
            }
            if (offered && checkpoint.size() <= offeredSize) {
                return;
            }
            offered = true;
            long since = pending != null ? pending.since : inFlight != null ? inFlight.since : System.nanoTime();
            pending = new Offer(checkpoint, note, since);
            offeredSize = checkpoint.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every checkpoint offered so far is published.
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long target = offeredSize;
            while (publishedSize < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The state now. */
    public WitnessStatus status() {
        lock.lock();
        try {
            Offer oldest = inFlight != null ? inFlight : pending;
            Duration lag = oldest == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - oldest.since);
            return new WitnessStatus(witness.location(), publishedSize, offeredSize, lag, published, failures, lastError,
                    window);
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Offer offer;
            lock.lock();
            try {
                offer = next();
                if (offer == null) {
                    return;
                }
                inFlight = offer;
                pending = null;
                lastAttempt = System.nanoTime();
            } finally {
                lock.unlock();
            }
            publish(offer);
        }
    }

    /** Waits for the next offer to publish, spaced by half a window unless closing; null to stop. */
    private Offer next() {
        while (true) {
            if (pending == null) {
                if (closing) {
                    return null;
                }
                changed.awaitUninterruptibly();
                continue;
            }
            long wait = lastAttempt + spacingNanos - System.nanoTime();
            if (closing || wait <= 0) {
                return pending;
            }
            try {
                changed.awaitNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private void publish(Offer offer) {
        String error = null;
        try {
            witness.publish(offer.checkpoint, offer.note);
        } catch (IOException | RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        lock.lock();
        try {
            inFlight = null;
            if (error == null) {
                publishedSize = Math.max(publishedSize, offer.checkpoint.size());
                published++;
                lastError = "";
            } else {
                failures++;
                lastError = error;
                if (pending == null && !closing) {
                    pending = offer;
                }
            }
            if (pending != null && pending.checkpoint.size() <= publishedSize) {
                pending = null;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes what is pending (one attempt), stops the thread and closes the witness.
     *
     * @throws UncheckedIOException if the last checkpoint could not be published or the
     *         witness could not be closed
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WitnessStatus last = status();
        try {
            witness.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the witness " + witness.location() + ": " + e.getMessage(), e);
        }
        if (last.publishedSize() < last.offeredSize()) {
            throw new UncheckedIOException(new IOException("the last checkpoint (tree size " + last.offeredSize()
                    + ") was not published to the witness " + witness.location() + ": " + last.lastError()));
        }
    }
}
