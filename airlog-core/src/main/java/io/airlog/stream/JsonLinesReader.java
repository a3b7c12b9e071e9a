package io.airlog.stream;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.encoding.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads JSON-lines audit files line by line, with constant memory.
 */
public final class JsonLinesReader {
    private JsonLinesReader() {
    }

    /**
     * One line of a file: either an event, or the reason it could not be read.
     *
     * @param number the line number, from 1
     * @param event the event, or null
     * @param problem why the line is not an event, or null
     */
    public record Line(long number, AuditEvent event, String problem) {
        /** Whether the line holds an event. */
        public boolean isEvent() {
            return event != null;
        }
    }

    /**
     * The lines of a file, lazily. A final line without its terminating newline is reported
     * as a problem ("incomplete line"). Close the stream when done.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static Stream<Line> lines(Path file) {
        try {
            boolean complete = endsWithNewline(file);
            BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            Iterator<Line> it = new Iterator<>() {
                private long number;
                private String next = read();

                private String read() {
                    try {
                        return reader.readLine();
                    } catch (CharacterCodingException e) {
                        return "\u0000invalid UTF-8";
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Line next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    String text = next;
                    next = read();
                    number++;
                    if (next == null && !complete) {
                        return new Line(number, null, "incomplete line (no newline at the end of the file)");
                    }
                    return parse(number, text);
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                    Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                        try {
                            reader.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Line parse(long number, String text) {
        if (text.startsWith("\u0000")) {
            return new Line(number, null, "the file is not valid UTF-8 here");
        }
        try {
            return new Line(number, EventJson.fromJson(text), null);
        } catch (IllegalArgumentException e) {
            return new Line(number, null, e.getMessage());
        }
    }

    /**
     * The head of the log in a file: the position after its last event, or
     * {@link ChainPosition#EMPTY} for a missing or empty file. Reads only the end of the file.
     *
     * @throws IllegalStateException if the file ends in a partial line, or its last line is
     *         not an intact event of {@code logId}
     */
    public static ChainPosition lastPosition(Path file, String logId) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return ChainPosition.EMPTY;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            raf.seek(end - 1);
            if (raf.read() != '\n') {
                throw new IllegalStateException("audit file " + file + " ends with an incomplete line; "
                        + "it was not written completely (a crash?) and needs a person's attention");
            }
            long start = end - 1;
            int chunk = 8192;
            java.io.ByteArrayOutputStream reversed = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[chunk];
            boolean found = false;
            while (start > 0 && !found) {
                int n = (int) Math.min(chunk, start);
                raf.seek(start - n);
                raf.readFully(buf, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    if (buf[i] == '\n') {
                        found = true;
                        break;
                    }
                    reversed.write(buf[i]);
                    start--;
                }
            }
            byte[] bytes = reversed.toByteArray();
            for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
                byte t = bytes[i];
                bytes[i] = bytes[j];
                bytes[j] = t;
            }
            AuditEvent last;
            try {
                last = EventJson.fromJson(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the last line of audit file " + file + " is not an event: "
                        + e.getMessage(), e);
            }
            if (!last.logId().equals(logId)) {
                throw new IllegalStateException("audit file " + file + " holds log '" + last.logId()
                        + "', not '" + logId + "'");
            }
            if (!last.verify()) {
                throw new IllegalStateException("the last event of audit file " + file + " (sequence "
                        + last.sequence() + ") does not verify: the file was altered");
            }
            return last.position();
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return true;
            }
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }
}
