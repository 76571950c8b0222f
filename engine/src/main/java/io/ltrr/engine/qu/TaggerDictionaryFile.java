package io.ltrr.engine.qu;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tagger's phrase dictionary kept in a file of the data folder, so that a command does not read every item and
 * normalize every phrase again on each start: the vocabulary's tokens and each phrase's slot type, canonical
 * spelling, token ids and prior, under a key (the catalog index's fingerprint). The posting lists and the
 * vocabulary's gram index are rebuilt from them on reading (cheap). A file of another key or format, or one that
 * cannot be read, is not used; the caller then builds the dictionary from the catalog and writes the file again.
 * Bump {@link #FORMAT} whenever the dictionary's construction (normalization, aliases, priors) changes.
 */
final class TaggerDictionaryFile {
    /** The file format and the dictionary's construction; a file of another one is rebuilt. */
    static final int FORMAT = 1;
    private static final int MAGIC = 0x4c545447; // "LTTG"

    private TaggerDictionaryFile() {
    }

    /** The dictionary kept under {@code key}, when the file holds it. */
    static Optional<PhraseDictionary> read(Path file, String key) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            int tokenCount = in.readInt();
            List<String> tokens = new ArrayList<>(tokenCount);
            for (int i = 0; i < tokenCount; i++) {
                tokens.add(in.readUTF());
            }
            int phraseCount = in.readInt();
            SlotType[] types = SlotType.values();
            List<PhraseDictionary.Phrase> phrases = new ArrayList<>(phraseCount);
            for (int p = 0; p < phraseCount; p++) {
                SlotType type = types[in.readUnsignedByte()];
                String canonical = in.readUTF();
                int[] ids = new int[in.readUnsignedByte()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = in.readInt();
                    if (ids[i] < 0 || ids[i] >= tokenCount) {
                        return Optional.empty();
                    }
                }
                phrases.add(new PhraseDictionary.Phrase(type, canonical, ids, in.readDouble()));
            }
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(PhraseDictionary.Builder.assemble(tokens, phrases));
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty(); // missing, truncated or unreadable: built from the catalog instead
        }
    }

    /**
     * Writes the dictionary under {@code key} (to a temporary file moved into place, so a reader never sees half a
     * file). A folder that cannot be written (read-only) keeps no file: nothing else changes.
     */
    static void write(Path file, String key, PhraseDictionary dictionary) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(key);
                TokenVocabulary vocabulary = dictionary.vocabulary();
                out.writeInt(vocabulary.size());
                for (int i = 0; i < vocabulary.size(); i++) {
                    out.writeUTF(vocabulary.token(i));
                }
                out.writeInt(dictionary.size());
                for (int p = 0; p < dictionary.size(); p++) {
                    PhraseDictionary.Phrase phrase = dictionary.phrase(p);
                    out.writeByte(phrase.type().ordinal());
                    out.writeUTF(phrase.canonical());
                    out.writeByte(phrase.tokenIds().length);
                    for (int id : phrase.tokenIds()) {
                        out.writeInt(id);
                    }
                    out.writeDouble(phrase.prior());
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the folder cannot be written: there was nothing to keep
            }
        }
    }
}
