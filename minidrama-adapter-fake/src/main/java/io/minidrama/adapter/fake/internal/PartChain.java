package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.UploadLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parts of one upload's video (or cover), digested in part order as they arrive: part n is
 * folded into a running SHA-256 as soon as parts 1..n-1 are, and its bytes are dropped unless they
 * are still needed: a part that cannot be folded yet (it arrived before a predecessor), or every
 * part while the parts recorded so far total at most {@code keepUpTo} (the media's content may be
 * kept). Held bytes stay in memory while the fake-wide total held in memory is within its budget,
 * otherwise they are written to a temporary file that is deleted when the upload ends. So an
 * upload sent in order holds no bytes above the content cap, however large, and a commit never
 * assembles more than {@code keepUpTo} bytes.
 *
 * <p>Replacing a digested part with different bytes rewinds the running digest to that part and
 * folds forward again with the parts whose bytes are still held; a part whose bytes were dropped
 * stops the folding until it is sent again. A commit whose parts could not all be folded records
 * an empty SHA-256 (unknown). Thread-safe: every method locks this chain (never the engine).
 */
final class PartChain {
    private static final HexFormat HEX = HexFormat.of();

    private final long keepUpTo;
    private final AtomicLong heldInMemory;
    private final long memoryBudget;
    private final PartBuffers buffers;
    private final Map<Integer, Rec> parts = new HashMap<>();
    /** {@code states.get(i)}: the digest state after parts 1..i+1. */
    private final List<MessageDigest> states = new ArrayList<>();
    private MessageDigest running = Digests.of("SHA-256");
    private long recorded;
    private boolean contentLost;
    private Path spoolFile;
    private FileChannel spool;
    private boolean released;

    /** A recorded part; {@code memory} or {@code spooled} holds its bytes while they are needed. */
    private static final class Rec {
        final int size;
        final String etag;
        byte[] memory;
        boolean spooled;

        Rec(int size, String etag) {
            this.size = size;
            this.etag = etag;
        }

        boolean held() {
            return memory != null || spooled;
        }
    }

    /** What a commit of this chain's parts yields: size, SHA-256 (empty when unknown) and, under the cap, the bytes. */
    record Assembled(long size, String sha256, byte[] content) {
    }

    PartChain(long keepUpTo, AtomicLong heldInMemory, long memoryBudget, PartBuffers buffers) {
        this.keepUpTo = keepUpTo;
        this.heldInMemory = heldInMemory;
        this.memoryBudget = memoryBudget;
        this.buffers = buffers;
    }

    /**
     * Records part {@code number} (replacing an earlier one); false when the upload was released
     * meanwhile. A part that can be digested at once and need not be kept is streamed from
     * {@code source} into the digest without being copied; any other is copied (or spooled).
     */
    synchronized boolean put(int number, ByteSource source, String etag) {
        if (released) {
            return false;
        }
        int size = (int) source.size();
        Rec old = parts.get(number);
        if (old != null && number <= states.size() && old.etag.equals(etag) && old.size == size) {
            return true; // the same bytes again (a retried part): already digested
        }
        if (old != null) {
            recorded -= old.size;
            drop(old);
        }
        if (number <= states.size()) {
            rewindTo(number - 1);
        }
        Rec rec = new Rec(size, etag);
        parts.put(number, rec);
        recorded += size;
        if (recorded > keepUpTo) {
            contentLost = true;
        }
        if (number == states.size() + 1 && contentLost) {
            Digests.update(running, source);
            states.add(cloneOf(running));
        } else {
            hold(number, rec, readAll(source));
        }
        fold();
        return true;
    }

    /** The source's bytes copied once into an array from the pool; given back by {@link #drop}. */
    private byte[] readAll(ByteSource source) {
        int size = (int) source.size();
        byte[] b = buffers.take(size);
        try (InputStream in = source.openStream()) {
            int n = in.readNBytes(b, 0, size);
            if (n != size) {
                buffers.give(b);
                throw new IOException("the part ended after " + n + " of its " + size + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw new io.minidrama.domain.error.TransportException("uploadpart", "cannot read " + source.fileName() + ": " + e, false, e);
        }
    }

    /**
     * Checks the committed {@code infos} against the recorded parts (each present, same etag, every
     * one but the last exactly 5 MB) and yields the media they make.
     *
     * @throws io.minidrama.domain.error.PlatformException 10093014 naming the first mismatch
     */
    synchronized Assembled assemble(String op, List<PartInfo> infos, String what) {
        long size = 0;
        for (int i = 0; i < infos.size(); i++) {
            PartInfo info = infos.get(i);
            Rec part = parts.get(info.partNumber());
            if (part == null) {
                throw Core.error(op, ErrorCode.PARAMETER_ERROR, "part " + info.partNumber() + " of the " + what + " was not uploaded");
            }
            if (!part.etag.equals(info.etag().value())) {
                throw Core.error(op, ErrorCode.PARAMETER_ERROR, "the etag of part " + info.partNumber() + " of the " + what
                        + " does not match its last upload");
            }
            if (i < infos.size() - 1 && part.size != UploadLimits.PART_SIZE) {
                throw Core.error(op, ErrorCode.PARAMETER_ERROR, "part " + info.partNumber() + " of the " + what + " is "
                        + part.size + " bytes; every part but the last must be exactly 5 MB (5242880 bytes)");
            }
            size += part.size;
        }
        int n = infos.size();
        String sha;
        if (n == 0) {
            sha = HEX.formatHex(Digests.of("SHA-256").digest());
        } else if (states.size() >= n) {
            sha = HEX.formatHex(cloneOf(states.get(n - 1)).digest());
        } else {
            sha = "";
        }
        byte[] content = null;
        if (!contentLost && size <= keepUpTo && !sha.isEmpty()) {
            content = new byte[(int) size];
            int pos = 0;
            for (int i = 1; i <= n; i++) {
                byte[] b = bytesOf(i, parts.get(i));
                if (b == null) {
                    content = null;
                    break;
                }
                System.arraycopy(b, 0, content, pos, b.length);
                pos += b.length;
            }
        }
        return new Assembled(size, sha, content);
    }

    /** Frees every held byte and the temporary file; later {@link #put}s answer false. */
    synchronized void release() {
        released = true;
        parts.values().forEach(this::drop);
        parts.clear();
        states.clear();
        closeSpool();
    }

    /** Bytes of this chain held in memory (for tests and accounting). */
    synchronized long bytesInMemory() {
        return parts.values().stream().mapToLong(r -> r.memory == null ? 0 : r.memory.length).sum();
    }

    /** Whether some bytes of this chain went to its temporary file. */
    synchronized boolean spooled() {
        return spoolFile != null;
    }

    // ------------------------------------------------------------ folding

    private void fold() {
        while (true) {
            int next = states.size() + 1;
            Rec rec = parts.get(next);
            if (rec == null) {
                break;
            }
            byte[] b = bytesOf(next, rec);
            if (b == null) {
                break; // its bytes were dropped: it must be sent again
            }
            running.update(b);
            states.add(cloneOf(running));
        }
        if (recorded > keepUpTo) {
            contentLost = true;
        }
        if (contentLost) {
            for (int i = 1; i <= states.size(); i++) {
                Rec r = parts.get(i);
                if (r != null) {
                    drop(r);
                }
            }
        }
    }

    private void rewindTo(int folded) {
        while (states.size() > folded) {
            states.remove(states.size() - 1);
        }
        running = folded == 0 ? Digests.of("SHA-256") : cloneOf(states.get(folded - 1));
    }

    private static MessageDigest cloneOf(MessageDigest d) {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
    }

    // ------------------------------------------------------------ holding bytes

    private void hold(int number, Rec rec, byte[] data) {
        if (heldInMemory.addAndGet(data.length) <= memoryBudget) {
            rec.memory = data;
            return;
        }
        heldInMemory.addAndGet(-data.length);
        try {
            if (spool == null) {
                spoolFile = Files.createTempFile("minidrama-fake-upload-", ".parts");
                spool = FileChannel.open(spoolFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            }
            ByteBuffer buf = ByteBuffer.wrap(data);
            long at = offset(number);
            while (buf.hasRemaining()) {
                at += spool.write(buf, at);
            }
            rec.spooled = true;
            buffers.give(data);
        } catch (IOException | RuntimeException e) {
            // no disk to spare: hold it in memory after all rather than lose it
            heldInMemory.addAndGet(data.length);
            rec.memory = data;
        }
    }

    private byte[] bytesOf(int number, Rec rec) {
        if (rec.memory != null) {
            return rec.memory;
        }
        if (!rec.spooled) {
            return null;
        }
        byte[] b = new byte[rec.size];
        ByteBuffer buf = ByteBuffer.wrap(b);
        try {
            long at = offset(number);
            while (buf.hasRemaining()) {
                int r = spool.read(buf, at);
                if (r < 0) {
                    return null;
                }
                at += r;
            }
        } catch (IOException e) {
            return null;
        }
        return b;
    }

    private void drop(Rec rec) {
        if (rec.memory != null) {
            heldInMemory.addAndGet(-rec.memory.length);
            buffers.give(rec.memory);
            rec.memory = null;
        }
        rec.spooled = false;
    }

    private static long offset(int number) {
        return (number - 1L) * UploadLimits.PART_SIZE;
    }

    private void closeSpool() {
        if (spool != null) {
            try {
                spool.close();
            } catch (IOException e) {
                // DELETE_ON_CLOSE may not have run; try once more below
            }
            try {
                Files.deleteIfExists(spoolFile);
            } catch (IOException e) {
                // left for the OS's temporary-file cleanup
            }
            spool = null;
        }
    }
}
