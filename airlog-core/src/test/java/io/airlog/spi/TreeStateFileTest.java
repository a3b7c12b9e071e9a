package io.airlog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeStateFileTest {
    @TempDir
    Path dir;

    private static TreeEdge tree(int size) {
        TreeEdge edge = TreeEdge.empty();
        for (int i = 0; i < size; i++) {
            edge = edge.append(Digest.sha256(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return edge;
    }

    @Test
    void theTreeAndTheSizeSignedAreReadBackAfterAReopen() throws IOException {
        Path file = dir.resolve("log.tree");
        try (TreeStateFile tree = TreeStateFile.open(file, "bank", false)) {
            assertThat(tree.created()).isTrue();
            tree.write(tree(3), 2);
            tree.write(tree(1000), 999);
        }

        try (TreeStateFile tree = TreeStateFile.open(file, "bank", false)) {
            assertThat(tree.created()).isFalse();
            assertThat(tree.edge()).isEqualTo(tree(1000));
            assertThat(tree.signedSize()).isEqualTo(999);
        }
    }

    @Test
    void aTornWriteLeavesThePreviousCopy() throws IOException {
        Path file = dir.resolve("log.tree");
        try (TreeStateFile tree = TreeStateFile.open(file, "bank", false)) {
            tree.write(tree(5), 5);
            tree.write(tree(6), 5);
        }
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(60);
            raw.write("torn".getBytes(StandardCharsets.US_ASCII));
        }

        try (TreeStateFile tree = TreeStateFile.open(file, "bank", false)) {
            assertThat(tree.edge()).isEqualTo(tree(5));
        }
    }

    @Test
    void aFileOfAnotherLogOrWithNoReadableCopyIsRefused() throws IOException {
        Path file = dir.resolve("log.tree");
        try (TreeStateFile tree = TreeStateFile.open(file, "bank", false)) {
            tree.write(tree(1), 0);
        }

        assertThatThrownBy(() -> TreeStateFile.open(file, "other", false)).hasMessageContaining("holds another log");
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(4096 + 30);
            raw.write("damage".getBytes(StandardCharsets.US_ASCII));
        }
        assertThatThrownBy(() -> TreeStateFile.open(file, "bank", false)).hasMessageContaining("is damaged");
    }

    @Test
    void aFileHasOneWriter() {
        Path file = dir.resolve("log.tree");
        try (TreeStateFile tree = TreeStateFile.open(file, "bank", false)) {
            assertThatThrownBy(() -> TreeStateFile.open(file, "bank", false)).hasMessageContaining("is in use");
        }
    }
}
