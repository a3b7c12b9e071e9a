package io.airlog.witness;

import static io.airlog.witness.WitnessFixtures.ORIGIN;
import static io.airlog.witness.WitnessFixtures.checkpoint;
import static io.airlog.witness.WitnessFixtures.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.checkpoint.Checkpoint;
import io.airlog.checkpoint.SignedCheckpoint;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.merkle.Digest;
import io.airlog.spi.WitnessSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWitnessTest {
    @TempDir
    Path dir;

    private Path file() {
        return FileWitness.fileFor(dir, "app");
    }

    @Test
    void createWritesTheHeaderSoThatAnEmptyWitnessExists() throws Exception {
        FileWitness.create(file(), ORIGIN);

        assertThat(Files.readAllLines(file())).containsExactly("{\"format\":\"airlog-witness/1\",\"origin\":\"airlog/app\"}");
        WitnessSnapshot snapshot = FileWitness.open(file(), ORIGIN).read();
        assertThat(snapshot.exists()).isTrue();
        assertThat(snapshot.newestFirst()).isEmpty();
        assertThat(snapshot.notices()).isEmpty();
    }

    @Test
    void openingForACheckCreatesNothing() throws Exception {
        WitnessSnapshot snapshot = FileWitness.open(file(), ORIGIN).read();

        assertThat(snapshot.exists()).isFalse();
        assertThat(file()).doesNotExist();
    }

    @Test
    void fileNamesEncodeTheLogId() {
        assertThat(FileWitness.fileFor(dir, "a/b c").getFileName().toString()).isEqualTo("a%2Fb%20c.witness");
    }

    @Test
    void eachPublishedCheckpointIsOneLineAndReadsBackNewestFirst() throws Exception {
        FileWitness witness = FileWitness.create(file(), ORIGIN);

        assertThat(witness.publish(checkpoint(3), note(3))).isTrue();
        assertThat(witness.publish(checkpoint(9), note(9))).isTrue();

        assertThat(Files.readAllLines(file())).hasSize(3);
        List<WitnessSnapshot.Record> records = witness.read().newestFirst();
        assertThat(records).extracting(WitnessSnapshot.Record::note).containsExactly(note(9).format(), note(3).format());
        SignedCheckpoint newest = TrustedKeys.of(WitnessFixtures.SIGNER.verifierKey()).open(records.get(0).note(), ORIGIN);
        assertThat(newest.size()).isEqualTo(9);
    }

    @Test
    void aCheckpointNoNewerThanTheLastRecordIsNotWritten() throws Exception {
        FileWitness witness = FileWitness.create(file(), ORIGIN);
        witness.publish(checkpoint(9), note(9));

        assertThat(witness.publish(checkpoint(4), note(4))).isFalse();
        assertThat(witness.publish(checkpoint(9), note(9))).isFalse();
        assertThat(Files.readAllLines(file())).hasSize(2);
    }

    @Test
    void anotherRootForTheSameSizeIsRefusedAsAFork() throws Exception {
        FileWitness witness = FileWitness.create(file(), ORIGIN);
        witness.publish(checkpoint(9), note(9));
        Checkpoint fork = new Checkpoint(ORIGIN, 9, Digest.sha256(new byte[] {1}));

        assertThatThrownBy(() -> witness.publish(fork, WitnessFixtures.SIGNER.sign(fork)))
                .isInstanceOf(IOException.class).hasMessageContaining("another root for tree size 9");
    }

    @Test
    void aTornLastRecordIsIgnoredByReadsAndCutOffByTheNextPublish() throws Exception {
        FileWitness witness = FileWitness.create(file(), ORIGIN);
        witness.publish(checkpoint(3), note(3));
        Files.writeString(file(), "{\"note\":\"airlog/app\\n4", StandardOpenOption.APPEND);

        WitnessSnapshot snapshot = witness.read();
        assertThat(snapshot.notices()).singleElement().asString().contains("is incomplete, a crash while it was written");
        assertThat(snapshot.newestFirst()).extracting(WitnessSnapshot.Record::note).containsExactly(note(3).format());

        witness.publish(checkpoint(5), note(5));
        assertThat(Files.readString(file())).doesNotContain("airlog/app\\n4").endsWith("\n");
        assertThat(witness.read().notices()).isEmpty();
        assertThat(witness.read().newestFirst()).hasSize(2);
    }

    @Test
    void aDamagedCompleteLineIsReportedAsAProblemNotSkipped() throws Exception {
        FileWitness witness = FileWitness.create(file(), ORIGIN);
        witness.publish(checkpoint(3), note(3));
        Files.writeString(file(), "{\"note\": 7}\n", StandardOpenOption.APPEND);

        List<WitnessSnapshot.Record> records = witness.read().newestFirst();

        assertThat(records.get(0).note()).isNull();
        assertThat(records.get(0).problem()).contains("member 'note' is not a string");
        assertThat(records.get(1).note()).isEqualTo(note(3).format());
    }

    @Test
    void aRemovedFileIsNotRecreatedByPublishing() throws Exception {
        FileWitness witness = FileWitness.create(file(), ORIGIN);
        Files.delete(file());

        assertThatThrownBy(() -> witness.publish(checkpoint(1), note(1))).isInstanceOf(IOException.class)
                .hasMessageContaining("is gone");
        assertThat(file()).doesNotExist();
        assertThat(witness.read().exists()).isFalse();
    }

    @Test
    void theWitnessFileOfAnotherLogIsRefused() throws Exception {
        FileWitness.create(file(), "airlog/other");

        assertThatThrownBy(() -> FileWitness.create(file(), ORIGIN)).hasMessageContaining(
                "is the witness of log 'airlog/other', not 'airlog/app'");
        assertThat(FileWitness.open(file(), ORIGIN).read().newestFirst()).singleElement()
                .extracting(WitnessSnapshot.Record::problem).asString().contains("witness of log 'airlog/other'");
    }

    @Test
    void readingKeepsTheNewestSixteenRecords() throws Exception {
        FileWitness witness = FileWitness.create(file(), ORIGIN);
        for (int size = 1; size <= 20; size++) {
            witness.publish(checkpoint(size), note(size));
        }

        List<WitnessSnapshot.Record> records = witness.read().newestFirst();

        assertThat(records).hasSize(WitnessSnapshot.NEWEST);
        assertThat(records.get(0).note()).isEqualTo(note(20).format());
        assertThat(records.get(15).note()).isEqualTo(note(5).format());
    }

    @Test
    void threadsAndJvmsPublishingTogetherLeaveOneIncreasingFileOfCompleteRecords() throws Exception {
        FileWitness.create(file(), ORIGIN);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int jvm = 0; jvm < 3; jvm++) {
            children.add(new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    WitnessAppender.class.getName(), file().toString(), String.valueOf(jvm + 1), "7", "60")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child" + jvm + ".log").toFile()).start());
        }
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<?>> inJvm = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int first = 4 + t;
            inJvm.add(threads.submit(() -> {
                WitnessAppender.main(new String[] {file().toString(), String.valueOf(first), "7", "60"});
                return null;
            }));
        }
        for (Future<?> f : inJvm) {
            f.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();
        for (int i = 0; i < children.size(); i++) {
            assertThat(children.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(children.get(i).exitValue()).as(Files.readString(dir.resolve("child" + i + ".log"))).isZero();
        }

        String content = Files.readString(file(), StandardCharsets.UTF_8);
        assertThat(content).endsWith("\n");
        TrustedKeys keys = TrustedKeys.of(WitnessFixtures.SIGNER.verifierKey());
        List<String> lines = content.lines().toList();
        long previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            String noteText = io.airlog.internal.JsonLine.read("record", line).get("note");
            long size = keys.open(noteText, ORIGIN).size();
            assertThat(size).isGreaterThan(previous);
            previous = size;
        }
        assertThat(previous).isEqualTo(7 * 59 + 6);
    }
}
