package io.airlog.witness;

import java.time.Duration;

/**
 * How far a {@link WitnessPublisher}'s witness is behind what was offered, for health checks
 * and metrics.
 *
 * @param location the witness
 * @param publishedSize the tree size of the newest checkpoint published (0 before the first)
 * @param offeredSize the tree size of the newest checkpoint offered
 * @param lag how long the oldest offered checkpoint not yet published (nor superseded by a
 *            published one) has waited; zero when the witness is up to date
 * @param published how many checkpoints were written to the witness
 * @param failures how many publish attempts failed
 * @param lastError the message of the last failure, empty if none since the last success
 * @param window the configured window
 */
public record WitnessStatus(String location, long publishedSize, long offeredSize, Duration lag, long published,
                            long failures, String lastError, Duration window) {

    /** Whether the witness is later than the window allows (a failing or slow witness). */
    public boolean behind() {
        return lag.compareTo(window) > 0;
    }
}
