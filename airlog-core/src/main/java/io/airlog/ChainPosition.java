package io.airlog;

import java.util.Objects;

/**
 * The head of a hash chain: how many events the log holds and the checksum of the last.
 *
 * @param size the number of events (the sequence of the last event), 0 when empty
 * @param lastChecksum the checksum of event {@code size}, or {@link #GENESIS} when empty
 */
public record ChainPosition(long size, String lastChecksum) {
    /** The previous checksum of the first event of every log: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** The head of an empty log. */
    public static final ChainPosition EMPTY = new ChainPosition(0, GENESIS);

    /** Checks the fields. */
    public ChainPosition {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        Objects.requireNonNull(lastChecksum, "lastChecksum");
    }

    /** The sequence the next event will get. */
    public long nextSequence() {
        return size + 1;
    }
}
