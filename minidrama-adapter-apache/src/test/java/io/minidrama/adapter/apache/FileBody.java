package io.minidrama.adapter.apache;

import io.minidrama.protocol.spi.RequestBody;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A test body over a whole file that overrides {@link #transferTo} the way the protocol's multipart
 * body does for a file region ({@code FileChannel.transferTo} in a loop), and notes each call and the
 * channel it was given: the transport under test decides whether it is called. Optionally it stops
 * after {@code failAfter} bytes with an IOException, as a file truncated during the upload does.
 */
final class FileBody implements RequestBody {
    final Path file;
    final long length;
    final List<Class<?>> targets = new CopyOnWriteArrayList<>();
    final CountDownLatch transferring = new CountDownLatch(1);
    private final long failAfter;

    FileBody(Path file, long length) {
        this(file, length, -1);
    }

    FileBody(Path file, long length, long failAfter) {
        this.file = file;
        this.length = length;
        this.failAfter = failAfter;
    }

    @Override
    public String contentType() {
        return "application/octet-stream";
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public ReadableByteChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public long transferTo(WritableByteChannel target) throws IOException {
        targets.add(target.getClass());
        transferring.countDown();
        long end = failAfter >= 0 ? failAfter : length;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long done = 0;
            while (done < end) {
                done += in.transferTo(done, end - done, target);
            }
        }
        if (failAfter >= 0) {
            throw new IOException(file.getFileName() + " ended " + (length - failAfter) + " bytes before the " + length + " bytes to send");
        }
        return length;
    }

    /** True once every call went to a socket channel, and there were {@code calls} of them. */
    boolean wentToSocketChannels(int calls) {
        return targets.size() == calls && targets.stream().allMatch(SocketChannel.class::isAssignableFrom);
    }
}
