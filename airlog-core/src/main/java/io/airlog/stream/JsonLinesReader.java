package io.airlog.stream;

import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.encoding.EventJson;
import io.airlog.internal.BackwardLines;
import io.airlog.verify.LogSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
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
 * Reads JSON-lines audit files line by line, with constant memory. A line is an event
 * ({@code io.airlog.encoding.EventJson}) or a {@linkplain CheckpointLine checkpoint line}.
 */
public final class JsonLinesReader {
    private JsonLinesReader() {
    }

    /**
     * One line of a file: an event, a checkpoint, or the reason it could not be read.
     *
     * @param number the line number, from 1
     * @param event the event, or null
     * @param checkpoint the checkpoint line, or null
     * @param problem why the line is neither, or null
     */
    public record Line(long number, AuditEvent event, CheckpointLine checkpoint, String problem) {
        /** Whether the line holds an event. */
        public boolean isEvent() {
            return event != null;
        }

        /** Whether the line holds a checkpoint. */
        public boolean isCheckpoint() {
            return checkpoint != null;
        }
    }

    /**
     * The lines of a file, lazily, with constant memory. Lines are split on the byte
     * {@code '\n'} and each is decoded as strict UTF-8 on its own, so an invalid byte damages
     * only its own line. A final line without its terminating newline is reported as a problem
     * ("incomplete line"). Close the stream when done.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    public static Stream<Line> lines(Path file) {
        return lines(file, 0, 1);
    }

    /**
     * The lines of a file from byte {@code offset} (the start of a line), numbered from
     * {@code firstNumber}; as {@link #lines(Path)}.
     */
    static Stream<Line> lines(Path file, long offset, long firstNumber) {
        InputStream in;
        try {
            SeekableByteChannel channel = Files.newByteChannel(file);
            channel.position(offset);
            in = Channels.newInputStream(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Iterator<Line> it = new Iterator<>() {
            private final byte[] buffer = new byte[1 << 16];
            private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            private int position;
            private int limit;
            private long number = firstNumber - 1;
            private Line next = advance();

            private Line advance() {
                line.reset();
                boolean terminated = false;
                try {
                    while (!terminated) {
                        if (position == limit) {
                            limit = in.read(buffer);
                            position = 0;
                            if (limit < 0) {
                                limit = 0;
                                break;
                            }
                        }
                        int start = position;
                        while (position < limit && buffer[position] != '\n') {
                            position++;
                        }
                        line.write(buffer, start, position - start);
                        if (position < limit) {
                            position++;
                            terminated = true;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
                }
                if (!terminated && line.size() == 0) {
                    return null;
                }
                number++;
                if (!terminated) {
                    return new Line(number, null, null, "incomplete line (no newline at the end of the file)");
                }
                try {
                    return parse(number, utf8.decode(ByteBuffer.wrap(line.toByteArray())).toString());
                } catch (CharacterCodingException e) {
                    return new Line(number, null, null, "the line is not valid UTF-8");
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
                Line current = next;
                next = advance();
                return current;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(() -> {
                    try {
                        in.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static Line parse(long number, String text) {
        try {
            if (CheckpointLine.isCheckpointLine(text)) {
                return new Line(number, null, CheckpointLine.parse(text), null);
            }
            return new Line(number, EventJson.fromJson(text), null, null);
        } catch (IllegalArgumentException e) {
            return new Line(number, null, null, e.getMessage());
        }
    }

    /**
     * The file as a source for {@link io.airlog.verify.LogComparison}: its event lines in file
     * order, labelled with the file name; a line that is neither an event nor a checkpoint is
     * kept with its problem, checkpoint lines are passed over (they are no events of the log).
     * Close the source when done.
     *
     * @param file the JSON-lines file
     * @return the source
     * @throws java.io.UncheckedIOException if the file cannot be opened
     */
    public static LogSource source(Path file) {
        return LogSource.of(file.toString(), lines(file).filter(l -> !l.isCheckpoint())
                .map(l -> new LogSource.Entry(l.number(), l.event(), l.problem())));
    }

    /**
     * The head of the log in a file: the position after its last event, or
     * {@link ChainPosition#EMPTY} for a missing file or one without events. Reads only the
     * end of the file (checkpoint lines after the last event are passed over).
     *
     * @throws IllegalStateException if the file ends in a partial line, or its last line is
     *         not an intact event of {@code logId}
     */
    public static ChainPosition lastPosition(Path file, String logId) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return ChainPosition.EMPTY;
        }
        try (BackwardLines lines = BackwardLines.open(file)) {
            if (lines.torn() != null) {
                throw new IllegalStateException("audit file " + file + " ends with an incomplete line; "
                        + "it was not written completely (a crash?) and needs a person's attention");
            }
            BackwardLines.Line line = lines.previous();
            while (line != null && CheckpointLine.isCheckpointLine(new String(line.bytes(), StandardCharsets.UTF_8))) {
                line = lines.previous();
            }
            if (line == null) {
                return ChainPosition.EMPTY;
            }
            byte[] bytes = line.bytes();
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
}
