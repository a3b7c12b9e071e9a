package io.airlog.slf4j;

import io.airlog.ChainPosition;
import io.airlog.checkpoint.RejectedCheckpointException;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import io.airlog.spi.CheckpointSettings;
import io.airlog.spi.CheckpointWitness;
import io.airlog.spi.TreeCheckpoints;
import io.airlog.spi.TreeStateFile;
import io.airlog.spi.WitnessSnapshot;
import io.airlog.witness.WitnessPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens the checkpoints of an SLF4J stream: the tree state file next to the chain state file,
 * continued from the chain's head, checked against the witness. The output is not read (it
 * belongs to the logging configuration), so what is checked at start is the pair of state files
 * and the witness: a witness newer than the state files means they were restored from an older
 * copy or replaced, and the log is not continued.
 */
final class Slf4jCheckpoints {
    private Slf4jCheckpoints() {
    }

    /** The tree state file kept next to a chain state file: its name with {@code .tree} added. */
    static Path treeFile(Path stateFile) {
        return stateFile.resolveSibling(stateFile.getFileName() + ".tree");
    }

    /**
     * The checkpoints of the log whose chain is at {@code head}; the tree file is closed if
     * this fails.
     *
     * @throws IllegalStateException if the tree state does not continue the chain, or the
     *         witness holds a checkpoint the state files do not reach
     */
    static TreeCheckpoints open(CheckpointSettings settings, TreeStateFile tree, ChainPosition head, String logId) {
        try {
            TreeEdge edge = continued(tree, head, logId);
            refuseAMissingWitness(settings, tree, logId);
            Optional<CheckpointWitness> witness = settings.createWitness();
            if (witness.isPresent()) {
                check(settings, witness.get(), edge, tree.file());
            }
            WitnessPublisher publisher = witness.map(w -> new WitnessPublisher(w, settings.witnessWindow()))
                    .orElse(null);
            return new TreeCheckpoints(settings.signer(), settings.origin(), settings.interval(), publisher, edge,
                    Math.min(tree.signedSize(), edge.size()));
        } catch (IOException e) {
            tree.close();
            throw new UncheckedIOException("cannot continue the tree state file " + tree.file() + ": " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            tree.close();
            throw e;
        }
    }

    /**
     * A log with signed checkpoints whose witness file is gone: the witness was removed (with
     * it, what would show that the state files were rolled back). It is not created again.
     */
    private static void refuseAMissingWitness(CheckpointSettings settings, TreeStateFile tree, String logId) {
        Optional<Path> file = settings.witnessFile();
        if (file.isPresent() && tree.signedSize() > 0 && !Files.exists(file.get())) {
            throw new IllegalStateException("the witness " + file.get() + " of log '" + logId + "' is missing, yet the"
                    + " log has signed checkpoints (" + tree.signedSize() + " events signed): it was removed; airlog"
                    + " does not create it again (WITNESS_MISSING)");
        }
    }

    /**
     * The tree at the chain's head. The tree is written after the chain state and before the
     * event is emitted, so it is at the head or, after a crash between the two writes, one
     * event behind (that event's checksum is the head's).
     */
    private static TreeEdge continued(TreeStateFile tree, ChainPosition head, String logId) throws IOException {
        TreeEdge edge = tree.edge();
        if (tree.created() && head.size() > 0) {
            throw new IllegalStateException("log '" + logId + "' already has " + head.size() + " events but no tree"
                    + " state file " + tree.file() + ": signed checkpoints cover a log from its first event; sign a"
                    + " new log (another log id) instead");
        }
        if (edge.size() == head.size() - 1) {
            edge = edge.append(Digest.fromHex(head.lastChecksum()));
            tree.write(edge, tree.signedSize());
        }
        if (edge.size() != head.size() || (head.size() > 0
                && !edge.lastLeaf().orElseThrow().equals(Digest.fromHex(head.lastChecksum())))) {
            throw new IllegalStateException("tree state file " + tree.file() + " (" + edge.size() + " events) does not"
                    + " continue the chain of log '" + logId + "' (" + head.size() + " events): one of the state files"
                    + " was replaced; airlog does not repair them");
        }
        return edge;
    }

    private static void check(CheckpointSettings settings, CheckpointWitness witness, TreeEdge edge, Path treeFile)
            throws IOException {
        WitnessSnapshot snapshot = witness.read();
        for (WitnessSnapshot.Record record : snapshot.newestFirst()) {
            if (record.note() == null) {
                continue;
            }
            SignedCheckpoint newest;
            try {
                newest = settings.allTrustedKeys().open(record.note(), settings.origin());
            } catch (RejectedCheckpointException e) {
                throw new IllegalStateException("the witness " + witness.location() + " holds a checkpoint ("
                        + record.where() + ") that the trusted keys do not accept: " + e.getMessage(), e);
            }
            if (newest.size() > edge.size() || newest.size() == edge.size()
                    && !newest.checkpoint().root().equals(edge.root())) {
                throw new IllegalStateException("the witness " + witness.location() + " holds a checkpoint of tree"
                        + " size " + newest.size() + " that " + treeFile + " (" + edge.size() + " events) does not"
                        + " reach: the state files were restored from an older copy or replaced; the log is not"
                        + " continued");
            }
            return;
        }
    }
}
