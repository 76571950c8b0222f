package io.ltrr.engine.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data folder ("workbench.lock"), held while a store is open. H2's own file lock only
 * keeps other processes out: a second open in the same JVM silently shares the database, and two workbench
 * windows over one folder would interleave their policy state. An OS file lock catches both cases and is
 * released by the OS if the process dies.
 */
public final class DataFolderLock implements AutoCloseable {
    public static final String FILE_NAME = "workbench.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another store (in this or another process) holds the folder */
    public static DataFolderLock acquire(Path dataDir) {
        if (Files.isDirectory(dataDir) && !Files.isWritable(dataDir)) {
            // Checked first: a lock file left from earlier use would open, and the store would fail later, deep
            // inside the database, when it creates its own files.
            throw new FolderNotWritable("cannot write in " + dataDir + " (the folder is read-only)",
                    new java.nio.file.AccessDeniedException(dataDir.toString()));
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new FolderNotWritable("cannot create the lock file in " + dataDir + " ("
                    + (Files.isWritable(dataDir) ? e : "the folder is read-only") + ")", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + dataDir.resolve(FILE_NAME), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw inUse(dataDir);
        }
        return new DataFolderLock(channel, lock);
    }

    public static IllegalStateException inUse(Path dataDir) {
        return new FolderInUse("data folder " + dataDir + " is in use by another workbench process");
    }

    /** Another workbench holds the folder: a writer must wait; a reader may read a copy. */
    public static final class FolderInUse extends IllegalStateException {
        FolderInUse(String message) {
            super(message);
        }
    }

    /** The folder cannot be written (read-only, no permission): a writer cannot use it; a reader may read a copy. */
    public static final class FolderNotWritable extends UncheckedIOException {
        FolderNotWritable(String message, IOException cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel is closed next, which releases the lock anyway.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written through the channel, so there is nothing to lose.
        }
    }
}
