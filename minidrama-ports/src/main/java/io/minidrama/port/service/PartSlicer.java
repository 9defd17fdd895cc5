package io.minidrama.port.service;

import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.PartPlan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Cuts the planned part out of a resource's content without buffering the whole content. */
final class PartSlicer {
    private PartSlicer() {
    }

    static ByteSource slice(ByteSource content, PartPlan plan) {
        if (content instanceof ByteSource.FileRegion region) {
            return ByteSource.ofRegion(region.path(), region.offset() + plan.offset(), plan.length());
        }
        return new Slice(content, plan.offset(), plan.length());
    }

    /** A window of another source, read by skipping (for in-memory or custom sources). */
    private record Slice(ByteSource parent, long offset, long length) implements ByteSource {
        @Override
        public long size() {
            return length;
        }

        @Override
        public String fileName() {
            return parent.fileName();
        }

        @Override
        public InputStream openStream() {
            InputStream in = parent.openStream();
            try {
                long toSkip = offset;
                while (toSkip > 0) {
                    long n = in.skip(toSkip);
                    if (n <= 0) {
                        if (in.read() < 0) {
                            throw new IOException("content ended before offset " + offset);
                        }
                        n = 1;
                    }
                    toSkip -= n;
                }
                return new java.io.FilterInputStream(in) {
                    private long remaining = length;

                    @Override
                    public int read() throws IOException {
                        if (remaining <= 0) {
                            return -1;
                        }
                        int b = super.read();
                        if (b >= 0) {
                            remaining--;
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (remaining <= 0) {
                            return -1;
                        }
                        int n = super.read(b, off, (int) Math.min(len, remaining));
                        if (n > 0) {
                            remaining -= n;
                        }
                        return n;
                    }
                };
            } catch (IOException e) {
                try {
                    in.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new UncheckedIOException(e);
            }
        }
    }
}
