package io.ltrr.engine.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.List;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code observed:} in a database URL) that passes every call to the disk and keeps a log of
 * the writes, truncations and forces (fsync) made on each file, in order: the one place where H2's own file I/O
 * can be seen from a test (the JDK's flight recorder sees forces but not positional writes). Public because
 * H2 instantiates it by reflection.
 */
public final class ObservedFileSystem extends FilePathWrapper {
    static final String SCHEME = "observed";

    /** One operation on a file: "write", "truncate" or "force". */
    record Operation(String file, String kind) {
    }

    private static final List<Operation> LOG = new ArrayList<>();
    /** While true, every write fails as on a full disk. */
    private static volatile boolean diskFull;
    private static boolean registered;

    /** H2 makes one instance per path, reflectively. */
    public ObservedFileSystem() {
        // nothing to set: the wrapped path is given by H2
    }

    /** Registers the scheme with H2 (once per JVM). */
    static synchronized void register() {
        if (!registered) {
            FilePath.register(new ObservedFileSystem());
            registered = true;
        }
    }

    /** The operations logged so far. */
    static synchronized List<Operation> log() {
        return List.copyOf(LOG);
    }

    /** Makes every later write fail with the disk-full error (or succeed again). */
    static void diskFull(boolean full) {
        diskFull = full;
    }

    private static void checkSpace() throws IOException {
        if (diskFull) {
            throw new IOException("No space left on device");
        }
    }

    static synchronized void clear() {
        LOG.clear();
    }

    private static synchronized void record(String file, String kind) {
        LOG.add(new Operation(file, kind));
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new ObservedChannel(getBase().open(mode), getBase().getName());
    }

    private static final class ObservedChannel extends FileBase {
        private final FileChannel channel;
        private final String file;

        ObservedChannel(FileChannel channel, String file) {
            this.channel = channel;
            this.file = file;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            checkSpace();
            record(file, "write");
            return channel.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            checkSpace();
            record(file, "write");
            return channel.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            record(file, "truncate");
            channel.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            channel.force(metaData);
            record(file, "force");
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            channel.close();
        }
    }
}
