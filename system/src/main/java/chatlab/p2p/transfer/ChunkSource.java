package chatlab.p2p.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The bytes being sent, read a chunk at a time, in any order (retransmissions reread chunks). */
public interface ChunkSource extends AutoCloseable {
    long size();

    /** The bytes from {@code offset}, {@code length} of them (fewer at the end of the data). */
    byte[] read(long offset, int length) throws IOException;

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
            public byte[] read(long offset, int length) {
                int n = (int) Math.min(length, bytes.length - offset);
                byte[] chunk = new byte[n];
                System.arraycopy(bytes, (int) offset, chunk, 0, n);
                return chunk;
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
            public byte[] read(long offset, int length) throws IOException {
                int n = (int) Math.min(length, size - offset);
                ByteBuffer buffer = ByteBuffer.allocate(n);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        throw new IOException(file + " became shorter while it was being sent");
                    }
                }
                return buffer.array();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
