package io.airlog.witness;

import java.nio.file.Path;

/**
 * A child JVM of {@link FileWitnessTest}: publishes checkpoints of sizes
 * {@code first, first + step, ...} (count of them) to one witness file.
 */
public final class WitnessAppender {
    private WitnessAppender() {
    }

    /** Arguments: file, first size, step, count. */
    public static void main(String[] args) throws Exception {
        FileWitness witness = FileWitness.create(Path.of(args[0]), WitnessFixtures.ORIGIN);
        long first = Long.parseLong(args[1]);
        long step = Long.parseLong(args[2]);
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            long size = first + i * step;
            witness.publish(WitnessFixtures.checkpoint(size), WitnessFixtures.note(size));
        }
    }
}
