package io.airlog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainStateFileTest {
    @TempDir
    Path dir;

    private static AuditEvent event(String logId, ChainPosition after) {
        return AuditDraft.builder("x").build().seal(logId, after.nextSequence(), after.lastChecksum());
    }

    @Test
    void aNewFileStartsAnEmptyLogThatWasClosedCleanly() {
        try (ChainStateFile state = ChainStateFile.open(dir.resolve("new.state"), "app", false)) {
            assertThat(state.head()).isEqualTo(ChainPosition.EMPTY);
            assertThat(state.closedCleanly()).isTrue();
        }
    }

    @Test
    void theHeadSurvivesClosingAndReopening() throws Exception {
        Path file = dir.resolve("app.state");
        AuditEvent second;
        try (ChainStateFile state = ChainStateFile.open(file, "app", false)) {
            AuditEvent first = event("app", state.head());
            state.sealed(first);
            second = event("app", first.position());
            state.sealed(second);
        }

        try (ChainStateFile state = ChainStateFile.open(file, "app", true)) {
            assertThat(state.head()).isEqualTo(second.position());
            assertThat(state.closedCleanly()).isTrue();
        }
    }

    @Test
    void aFileLeftOpenSaysSoAndNamesTheLastEvent() throws Exception {
        Path file = dir.resolve("crash.state");
        ChainStateFile crashed = ChainStateFile.open(file, "app", false);
        AuditEvent first = event("app", crashed.head());
        crashed.sealed(first);
        // a crash: the lock goes with the process, the file is not closed by the stream
        copyWithoutLock(file, dir.resolve("after-crash.state"));

        try (ChainStateFile state = ChainStateFile.open(dir.resolve("after-crash.state"), "app", false)) {
            assertThat(state.closedCleanly()).isFalse();
            assertThat(state.head()).isEqualTo(first.position());
            assertThat(state.lastEventId()).isEqualTo(first.eventId().toString());
        }
        crashed.close();
    }

    @Test
    void unsealingPutsTheHeadBack() throws Exception {
        Path file = dir.resolve("unseal.state");
        try (ChainStateFile state = ChainStateFile.open(file, "app", false)) {
            AuditEvent first = event("app", state.head());
            state.sealed(first);
            state.unsealed(ChainPosition.EMPTY);
        }

        try (ChainStateFile state = ChainStateFile.open(file, "app", false)) {
            assertThat(state.head()).isEqualTo(ChainPosition.EMPTY);
        }
    }

    @Test
    void aTornWriteLeavesTheStateBeforeIt() throws Exception {
        Path file = dir.resolve("torn.state");
        AuditEvent second;
        try (ChainStateFile state = ChainStateFile.open(file, "app", false)) {
            AuditEvent first = event("app", state.head());
            state.sealed(first);                    // generation 1, second copy
            second = event("app", first.position());
            state.sealed(second);                   // generation 2, first copy
        }                                           // generation 3 (closed), second copy
        assertThat(Files.readString(file)).contains("generation 3");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(1024 + 30);
            raf.write("torn".getBytes(StandardCharsets.US_ASCII));
        }

        try (ChainStateFile state = ChainStateFile.open(file, "app", false)) {
            assertThat(state.head()).isEqualTo(second.position());
            assertThat(state.closedCleanly()).isFalse();
        }
    }

    @Test
    void aFileWithNeitherCopyReadableIsRefused() throws Exception {
        Path file = dir.resolve("garbage.state");
        Files.writeString(file, "not a state file");

        assertThatThrownBy(() -> ChainStateFile.open(file, "app", false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("does not repair it");
    }

    @Test
    void aFileOfAnotherLogIsRefused() {
        Path file = dir.resolve("other.state");
        ChainStateFile.open(file, "app", false).close();

        assertThatThrownBy(() -> ChainStateFile.open(file, "billing", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds log 'app', not 'billing'");
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheFile() {
        Path file = dir.resolve("locked.state");
        try (ChainStateFile first = ChainStateFile.open(file, "app", false)) {
            assertThatThrownBy(() -> ChainStateFile.open(file, "app", false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another audit stream");
        }
    }

    private static void copyWithoutLock(Path from, Path to) throws Exception {
        Files.write(to, Files.readAllBytes(from));
    }
}
