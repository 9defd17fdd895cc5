package io.minidrama.domain.media;

import java.io.InputStream;

/** Content of a given size that is never materialised: lets size rules be tested at 500 MB without allocating it. */
record SizedSource(long size, String fileName) implements ByteSource {
    static SizedSource of(long size) {
        return new SizedSource(size, "test.mp4");
    }

    @Override
    public InputStream openStream() {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 0;
            }
        };
    }
}
