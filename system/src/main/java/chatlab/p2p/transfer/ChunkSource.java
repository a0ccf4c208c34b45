package chatlab.p2p.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The bytes being sent, read a chunk at a time, in any order (retransmissions reread chunks). */
public interface ChunkSource extends AutoCloseable {
    long size();

    /**
     * Copies the bytes from {@code offset}, {@code length} of them (fewer at the end of the data),
     * into {@code into} from {@code at}, and returns how many it copied. The sender reads every
     * chunk into one buffer of its own, so that sending a file allocates nothing per chunk.
     */
    int read(long offset, byte[] into, int at, int length) throws IOException;

    @Override
    default void close() throws IOException {
    }

    static ChunkSource of(byte[] bytes) {
        return new ChunkSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public int read(long offset, byte[] into, int at, int length) {
                int n = (int) Math.min(length, bytes.length - offset);
                System.arraycopy(bytes, (int) offset, into, at, n);
                return n;
            }
        };
    }

    static ChunkSource of(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long size = channel.size();
        return new ChunkSource() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public int read(long offset, byte[] into, int at, int length) throws IOException {
                int n = (int) Math.min(length, size - offset);
                ByteBuffer buffer = ByteBuffer.wrap(into, at, n);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position() - at) < 0) {
                        throw new IOException(file + " became shorter while it was being sent");
                    }
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
