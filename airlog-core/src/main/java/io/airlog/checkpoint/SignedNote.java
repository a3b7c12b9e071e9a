package io.airlog.checkpoint;

import io.airlog.internal.Snippet;
import io.airlog.internal.StrictBase64;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP {@code signed-note}: a text ending in a newline, an empty line, and one or more
 * signature lines {@code — <key name> <base64(key ID ‖ signature)>}, each ended by a newline.
 * The text is separated from the signatures by the last empty line. A note must be valid UTF-8
 * without ASCII control characters other than newline.
 *
 * <p>Parsing checks the form only; whether a signature is genuine is for {@link TrustedKeys}.
 * Limits: at most {@value #MAX_SIGNATURES} signatures (the spec asks verifiers to accept at
 * least 16) and {@value #MAX_BYTES} bytes.
 *
 * @param text the signed text, including its final newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /** The most signatures a note may have. */
    public static final int MAX_SIGNATURES = 100;
    /** The largest note read, in UTF-8 bytes. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final String PREFIX = "\u2014 ";

    /** Checks the text and copies the signatures. */
    public SignedNote {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text of a signed note ends with a newline");
        }
        NoteText.check("the text of a signed note", text);
        signatures = List.copyOf(signatures);
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note has at most " + MAX_SIGNATURES + " signatures, not "
                    + signatures.size());
        }
    }

    /** Signs {@code text} with every signer, in order. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        if (signers.length == 0) {
            throw new IllegalArgumentException("at least one signer is needed");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner s : signers) {
            signatures.add(s.sign(text));
        }
        return new SignedNote(text, signatures);
    }

    /** Signs a checkpoint's body with every signer, in order. */
    public static SignedNote sign(Checkpoint checkpoint, NoteSigner... signers) {
        return sign(checkpoint.body(), signers);
    }

    /** This note with one more signature (a co-signature, or a new key during rotation). */
    public SignedNote withSignature(NoteSigner signer) {
        List<NoteSignature> more = new ArrayList<>(signatures);
        more.add(signer.sign(text));
        return new SignedNote(text, more);
    }

    /** The whole note: text, empty line, signature lines. */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (NoteSignature s : signatures) {
            sb.append(s.line());
        }
        return sb.toString();
    }

    /**
     * Reads a note from UTF-8 bytes.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static SignedNote parse(byte[] note) {
        if (note.length > MAX_BYTES) {
            throw new IllegalArgumentException("a signed note is at most " + MAX_BYTES + " bytes, not " + note.length);
        }
        return parse(NoteText.decode("a signed note", note));
    }

    /**
     * Reads a note.
     *
     * @throws IllegalArgumentException naming what is wrong: a control character, no empty
     *         line before the signatures, a signature line without its em dash, an invalid key
     *         name, a signature that is not base64 of at least 5 bytes, too many signatures
     */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        if (note.length() > MAX_BYTES) {
            throw new IllegalArgumentException("a signed note is at most " + MAX_BYTES + " bytes");
        }
        NoteText.check("a signed note", note);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note has an empty line between its text and its signatures;"
                    + " this one has none");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature line after its empty line");
        }
        if (!block.endsWith("\n")) {
            throw new IllegalArgumentException("the last signature line of a signed note ends with a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("a signed note has at most " + MAX_SIGNATURES + " signatures, not "
                    + lines.length);
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            signatures.add(signature(i + 1, lines[i]));
        }
        return new SignedNote(text, signatures);
    }

    private static NoteSignature signature(int number, String line) {
        String where = "signature line " + number + " of a signed note";
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException(where + " does not start with an em dash (U+2014) and a space: '"
                    + Snippet.of(line) + "'");
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException(where + " has no space between key name and signature: '"
                    + Snippet.of(line) + "'");
        }
        String name = rest.substring(0, space);
        try {
            NoteText.checkKeyName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        byte[] payload;
        try {
            payload = StrictBase64.decode(rest.substring(space + 1), "the signature");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        if (payload.length < 5) {
            throw new IllegalArgumentException(where + ": the signature is a 4-byte key ID and at least one byte, not "
                    + payload.length + " bytes");
        }
        return new NoteSignature(name, ByteBuffer.wrap(payload).getInt(),
                Arrays.copyOfRange(payload, 4, payload.length));
    }

    /** The UTF-8 bytes of the text, as signed. */
    byte[] signedBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
