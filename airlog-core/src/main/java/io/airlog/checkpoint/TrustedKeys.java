package io.airlog.checkpoint;

import io.airlog.checkpoint.RejectedCheckpointException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The verifier keys a check trusts: several at once, so that checkpoints signed before a key
 * rotation keep verifying with the old key while new ones are signed with the new key.
 *
 * <p>Notes are checked as C2SP signed-note requires: a signature whose key name and key ID
 * (both) are not those of a trusted key is ignored; one that claims a trusted key must verify,
 * else the whole note is rejected ({@link Reason#BAD_SIGNATURE}); and a note without a valid
 * trusted signature is rejected ({@link Reason#UNTRUSTED_KEY}). Immutable and thread-safe.
 */
public final class TrustedKeys {
    private static final TrustedKeys NONE = new TrustedKeys(List.of());

    private final List<VerifierKey> keys;

    private TrustedKeys(List<VerifierKey> keys) {
        this.keys = List.copyOf(keys);
        for (int i = 0; i < this.keys.size(); i++) {
            for (int j = 0; j < i; j++) {
                VerifierKey a = this.keys.get(i);
                VerifierKey b = this.keys.get(j);
                if (a.name().equals(b.name()) && a.keyId() == b.keyId() && !a.equals(b)) {
                    throw new IllegalArgumentException("two trusted keys share the name and key id " + a.name() + "+"
                            + a.keyIdHex() + "; a signature could not be told apart");
                }
            }
        }
    }

    /** No key: nothing verifies. */
    public static TrustedKeys none() {
        return NONE;
    }

    /** These keys. */
    public static TrustedKeys of(VerifierKey... keys) {
        return of(List.of(keys));
    }

    /** These keys (duplicates are harmless). */
    public static TrustedKeys of(List<VerifierKey> keys) {
        return new TrustedKeys(keys.stream().distinct().toList());
    }

    /**
     * Reads verifier keys, one per line; empty lines and lines starting with {@code #} are
     * skipped.
     *
     * @throws IllegalArgumentException naming the line of a malformed key
     */
    public static TrustedKeys parse(String text) {
        List<VerifierKey> keys = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                keys.add(VerifierKey.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return of(keys);
    }

    /**
     * Reads a file of verifier keys ({@link #parse}).
     *
     * @throws UncheckedIOException if it cannot be read
     * @throws IllegalArgumentException naming the file and line of a malformed key
     */
    public static TrustedKeys read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trusted keys file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trusted keys file " + file + ", " + e.getMessage(), e);
        }
    }

    /** These keys and those of {@code other}. */
    public TrustedKeys and(TrustedKeys other) {
        List<VerifierKey> all = new ArrayList<>(keys);
        all.addAll(other.keys);
        return of(all);
    }

    /** The keys. */
    public List<VerifierKey> keys() {
        return keys;
    }

    /** Whether there is no key. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * Checks a note's signatures.
     *
     * @return the trusted keys whose signatures verified (at least one)
     * @throws RejectedCheckpointException with {@link Reason#BAD_SIGNATURE} if a signature
     *         claiming a trusted key fails, {@link Reason#UNTRUSTED_KEY} if no trusted key signed
     */
    public List<VerifierKey> verify(SignedNote note) {
        byte[] text = note.signedBytes();
        List<VerifierKey> verified = new ArrayList<>();
        for (NoteSignature s : note.signatures()) {
            for (VerifierKey k : keys) {
                if (k.claimedBy(s)) {
                    if (!k.verifies(text, s)) {
                        throw new RejectedCheckpointException(Reason.BAD_SIGNATURE, "the signature by trusted key "
                                + s + " does not verify: the note was altered after it was signed");
                    }
                    if (!verified.contains(k)) {
                        verified.add(k);
                    }
                }
            }
        }
        if (verified.isEmpty()) {
            throw new RejectedCheckpointException(Reason.UNTRUSTED_KEY, "no signature by a trusted key (signed by "
                    + note.signatures() + "; trusted: " + describe() + ")");
        }
        return verified;
    }

    /**
     * Reads and checks a signed checkpoint of the log with origin {@code origin}.
     *
     * @param note the whole signed note
     * @param origin the origin the checkpoint must have
     * @throws RejectedCheckpointException naming the reason and what is wrong
     */
    public SignedCheckpoint open(String note, String origin) {
        Objects.requireNonNull(origin, "origin");
        SignedNote signed;
        Checkpoint checkpoint;
        try {
            signed = SignedNote.parse(note);
            checkpoint = Checkpoint.parse(signed.text());
        } catch (IllegalArgumentException e) {
            throw new RejectedCheckpointException(Reason.MALFORMED, e.getMessage());
        }
        List<VerifierKey> by = verify(signed);
        if (!checkpoint.origin().equals(origin)) {
            throw new RejectedCheckpointException(Reason.OTHER_LOG, "the checkpoint is of log '" + checkpoint.origin()
                    + "', not '" + origin + "'");
        }
        return new SignedCheckpoint(checkpoint, signed, by);
    }

    /** The keys as {@code name+id}, for messages. */
    public String describe() {
        return keys.isEmpty() ? "none" : keys.stream().map(k -> k.name() + "+" + k.keyIdHex()).toList().toString();
    }

    @Override
    public String toString() {
        return "TrustedKeys" + describe();
    }
}
