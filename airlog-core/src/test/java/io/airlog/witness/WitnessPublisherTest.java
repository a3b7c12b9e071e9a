package io.airlog.witness;

import static io.airlog.witness.WitnessFixtures.checkpoint;
import static io.airlog.witness.WitnessFixtures.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.checkpoint.SignedNote;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The publisher: newest wins, at most two publishes per window, lag and failures visible. */
class WitnessPublisherTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final RecordingWitness witness = new RecordingWitness();

    @Test
    void manyOffersAreCoalescedIntoFewPublishesEndingWithTheNewest() throws Exception {
        List<SignedNote> notes = new ArrayList<>();
        for (int size = 1; size <= 1000; size++) {
            notes.add(note(size));
        }
        try (WitnessPublisher publisher = new WitnessPublisher(witness, Duration.ofSeconds(2))) {
            for (int size = 1; size <= 1000; size++) {
                publisher.offer(checkpoint(size), notes.get(size - 1));
            }
            assertThat(publisher.flush(WAIT)).isTrue();

            assertThat(witness.published).hasSizeLessThanOrEqualTo(3).endsWith(1000L);
            assertThat(publisher.status().publishedSize()).isEqualTo(1000);
            assertThat(publisher.status().lag()).isZero();
        }
    }

    @Test
    void aCheckpointIsPublishedWithoutFurtherOffers() throws Exception {
        try (WitnessPublisher publisher = new WitnessPublisher(witness, Duration.ofMillis(100))) {
            publisher.offer(checkpoint(1), note(1));
            publisher.offer(checkpoint(2), note(2));

            assertThat(publisher.flush(WAIT)).isTrue();
            assertThat(witness.published).endsWith(2L);
        }
    }

    @Test
    void aHeldWitnessShowsItsLagAndIsBehindOnceTheWindowPassed() throws Exception {
        witness.hold();
        try (WitnessPublisher publisher = new WitnessPublisher(witness, Duration.ofMillis(20))) {
            publisher.offer(checkpoint(5), note(5));
            Thread.sleep(100);

            WitnessStatus status = publisher.status();
            assertThat(status.offeredSize()).isEqualTo(5);
            assertThat(status.publishedSize()).isZero();
            assertThat(status.lag()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(status.behind()).isTrue();

            witness.release();
            assertThat(publisher.flush(WAIT)).isTrue();
            assertThat(publisher.status().lag()).isZero();
            assertThat(publisher.status().behind()).isFalse();
        }
    }

    @Test
    void failedPublishesAreCountedAndRetriedUntilTheyWork() throws Exception {
        witness.failuresLeft.set(2);
        try (WitnessPublisher publisher = new WitnessPublisher(witness, Duration.ofMillis(20))) {
            publisher.offer(checkpoint(7), note(7));

            assertThat(publisher.flush(WAIT)).isTrue();
            WitnessStatus status = publisher.status();
            assertThat(status.failures()).isEqualTo(2);
            assertThat(status.lastError()).isEmpty();
            assertThat(witness.published).containsExactly(7L);
        }
    }

    @Test
    void theLastErrorIsShownWhileTheWitnessFails() throws Exception {
        witness.failuresLeft.set(Integer.MAX_VALUE);
        WitnessPublisher publisher = new WitnessPublisher(witness, Duration.ofMillis(20));
        publisher.offer(checkpoint(7), note(7));

        assertThat(publisher.flush(Duration.ofMillis(200))).isFalse();
        assertThat(publisher.status().lastError()).isEqualTo("disk full");
        assertThat(publisher.status().failures()).isPositive();
        assertThatThrownBy(publisher::close).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("the last checkpoint (tree size 7) was not published").hasMessageContaining("disk full");
        assertThat(witness.closed).isTrue();
    }

    @Test
    void closePublishesThePendingCheckpointAtOnce() {
        WitnessPublisher publisher = new WitnessPublisher(witness, Duration.ofHours(1));
        publisher.offer(checkpoint(1), note(1));
        publisher.offer(checkpoint(2), note(2));

        publisher.close();

        assertThat(witness.published).endsWith(2L);
        assertThat(witness.closed).isTrue();
    }

    @Test
    void anOfferNoNewerThanTheLastIsIgnoredAndOffersAfterCloseAreRefused() throws Exception {
        WitnessPublisher publisher = new WitnessPublisher(witness, Duration.ofMillis(20));
        publisher.offer(checkpoint(9), note(9));
        publisher.offer(checkpoint(4), note(4));
        assertThat(publisher.flush(WAIT)).isTrue();
        publisher.close();

        assertThat(witness.published).containsExactly(9L);
        assertThatThrownBy(() -> publisher.offer(checkpoint(10), note(10))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }
}
