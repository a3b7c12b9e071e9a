package io.airlog.spi;

import io.airlog.checkpoint.RejectedCheckpointException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CheckpointWitness} holds at one moment.
 *
 * @param location where the witness keeps its records, for messages
 * @param exists false if the witness holds nothing at all, not even an empty record list
 *               (a file witness whose file is gone); a witness that was set up and has not
 *               published yet exists and has no records
 * @param newestFirst its newest records (at most {@value #NEWEST}), newest first
 * @param notices things worth telling that are not damage (e.g. an incomplete last record
 *                left by a crash while it was written, which is ignored)
 */
public record WitnessSnapshot(String location, boolean exists, List<Record> newestFirst, List<String> notices) {
    /** The most records a snapshot holds. */
    public static final int NEWEST = 16;

    /** Copies the lists. */
    public WitnessSnapshot {
        Objects.requireNonNull(location, "location");
        newestFirst = List.copyOf(newestFirst);
        notices = List.copyOf(notices);
        if (newestFirst.size() > NEWEST) {
            throw new IllegalArgumentException("a witness snapshot holds at most " + NEWEST + " records");
        }
        if (!exists && !newestFirst.isEmpty()) {
            throw new IllegalArgumentException("a witness that does not exist has no records");
        }
    }

    /** A witness that holds nothing at all. */
    public static WitnessSnapshot missing(String location) {
        return new WitnessSnapshot(location, false, List.of(), List.of());
    }

    /**
     * The newest record that a key of {@code keys} signed for {@code origin}; newer records it
     * does not accept (unreadable, altered, another key) are skipped, for a check to report.
     */
    public Optional<SignedCheckpoint> newestTrusted(TrustedKeys keys, String origin) {
        for (Record r : newestFirst) {
            if (r.note() != null) {
                try {
                    return Optional.of(keys.open(r.note(), origin));
                } catch (RejectedCheckpointException e) {
                    // not accepted: an older record may be
                }
            }
        }
        return Optional.empty();
    }

    /**
     * One stored record: the text of a signed checkpoint note, or why the stored record could
     * not even be read as one.
     *
     * @param where where it is stored, for messages (e.g. "line 1234")
     * @param note the signed note as stored, or null
     * @param problem why the record is unreadable, or null
     */
    public record Record(String where, String note, String problem) {
        /** Exactly one of note and problem. */
        public Record {
            Objects.requireNonNull(where, "where");
            if ((note == null) == (problem == null)) {
                throw new IllegalArgumentException("a witness record holds either a note or a problem");
            }
        }
    }
}
