package io.ltrr.engine.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary stand-in for a data folder that is in use by another workbench or cannot be written, for work that
 * only reads it (evaluation). Its small files and feedback database are copied; its indexes ({@code index/},
 * {@code collections/}) are hard-linked file by file, falling back to a copy across file systems — a Lucene
 * index's files are written once and never changed, so a link reads the bytes the other process committed.
 * Folders being built ({@code *.building}) and set aside ({@code *.old}) are skipped, and an index swapped out
 * while linking is left out whole (it is rebuilt in the scratch folder if needed). Anything written to the
 * scratch folder is deleted on {@link #close}; the original folder is never touched.
 */
public final class ScratchFolder implements AutoCloseable {
    private static final List<String> INDEX_TREES = List.of("index", "collections");

    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /** A scratch copy of {@code dataDir} as it is now. */
    public static ScratchFolder copyOf(Path dataDir) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("ltrr-scratch-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder to read " + dataDir + ": "
                    + e.getMessage(), e);
        }
        ScratchFolder folder = new ScratchFolder(scratch);
        try {
            copyTopFiles(dataDir, scratch);
            for (String tree : INDEX_TREES) {
                Path from = dataDir.resolve(tree);
                if (Files.isDirectory(from)) {
                    linkIndexes(from, scratch.resolve(tree));
                }
            }
            return folder;
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e instanceof IOException io
                    ? new UncheckedIOException("cannot copy " + dataDir + " to read it: " + io.getMessage(), io)
                    : (RuntimeException) e;
        }
    }

    public Path path() {
        return path;
    }

    private static void copyTopFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(DataFolderLock.FILE_NAME)) {
                    copyIfStillThere(f, to.resolve(f.getFileName().toString()));
                }
            }
        }
    }

    /** Each index folder under {@code from} (e.g. {@code index/catalog}) linked whole, or left out. */
    private static void linkIndexes(Path from, Path to) throws IOException {
        List<Path> indexes;
        try (Stream<Path> dirs = Files.list(from)) {
            indexes = dirs.filter(Files::isDirectory).filter(d -> !isTransient(d)).toList();
        }
        for (Path index : indexes) {
            Path target = to.resolve(index.getFileName().toString());
            try {
                linkTree(index, target);
            } catch (NoSuchFileException swappedOut) {
                deleteQuietly(target);
            }
        }
    }

    private static boolean isTransient(Path dir) {
        String name = dir.getFileName().toString();
        return name.endsWith(".building") || name.endsWith(".old") || name.contains(".old-");
    }

    private static void linkTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> entries;
        try (Stream<Path> list = Files.list(from)) {
            entries = list.toList();
        }
        for (Path e : entries) {
            Path target = to.resolve(e.getFileName().toString());
            if (Files.isDirectory(e)) {
                linkTree(e, target);
            } else if (!e.getFileName().toString().equals("write.lock")) {
                try {
                    Files.createLink(target, e);
                } catch (UnsupportedOperationException | FileSystemException notLinkable) {
                    if (notLinkable instanceof NoSuchFileException gone) {
                        throw gone;
                    }
                    Files.copy(e, target);
                }
            }
        }
    }

    private static void copyIfStillThere(Path f, Path target) throws IOException {
        try {
            Files.copy(f, target);
        } catch (NoSuchFileException gone) {
            // a temporary file of the other process, renamed away meanwhile
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: the OS cleans what is left
        }
    }

    @Override
    public void close() {
        deleteQuietly(path);
    }
}
